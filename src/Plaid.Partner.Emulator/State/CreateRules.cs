using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// The partner checks Plaid makes on /partner/customer/create once the body fits the contract (seed 004,
    /// <c>errors partner</c>), in this order. CUSTOMER_ALREADY_CREATED is the store's, as it needs the other customers.
    /// </summary>
    internal static class CreateRules
    {
        public static PlaidErrorSpec? Check(JObject body, EmulatorPartnerSettings partner)
        {
            if (PartnerPrerequisites(partner) is { } prerequisite)
            {
                return prerequisite;
            }

            if (!partner.ContactsOnFile && body["billing_contact"] is null && body["technical_contact"] is null)
            {
                return PlaidErrors.ContactRequired;
            }

            if (partner.MonthlyServiceCommitment && body["assets_under_management"] is null)
            {
                return PlaidErrors.AssetsUnderManagementRequired;
            }

            var logo = (string?)body["logo"];
            if (logo is null && partner.CoBrandedConsentInUse && (bool?)body["create_link_customization"] == true)
            {
                return PlaidErrors.LogoRequired;
            }

            if (logo is not null && !LogoCheck.IsValid(logo))
            {
                return PlaidErrors.InvalidLogo;
            }

            return null;
        }

        /// <summary>Both are prerequisites "to create and enable customers" (seed 004).</summary>
        public static PlaidErrorSpec? PartnerPrerequisites(EmulatorPartnerSettings partner) =>
            !partner.FlowdownComplete ? PlaidErrors.FlowdownNotComplete
            : !partner.QuestionnaireComplete ? PlaidErrors.QuestionnaireNotComplete
            : null;
    }
}
