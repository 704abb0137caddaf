using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// The partner checks Plaid makes on /partner/customer/create and /beta/partner/customer/v1/create once the body
    /// fits the contract (Plaid API docs, Errors › Partner errors), in this order. CUSTOMER_ALREADY_CREATED is the store's, as
    /// it needs the other customers.
    /// </summary>
    internal static class CreateRules
    {
        /// <summary>The checks of /partner/customer/create.</summary>
        public static PlaidErrorSpec? Check(JObject body, EmulatorPartnerSettings partner) => Check(body, partner, canCarryAssetsUnderManagement: true);

        /// <summary>
        /// The checks of /beta/partner/customer/v1/create: the same, except ASSETS_UNDER_MANAGEMENT_REQUIRED. The beta
        /// request has no <c>assets_under_management</c>, so that check would refuse every beta create of a partner with
        /// a monthly service commitment, with no way to satisfy it.
        /// </summary>
        public static PlaidErrorSpec? CheckBeta(JObject body, EmulatorPartnerSettings partner) => Check(body, partner, canCarryAssetsUnderManagement: false);

        /// <summary>Both are prerequisites "to create and enable customers" (Plaid docs, Account › Resellers).</summary>
        public static PlaidErrorSpec? PartnerPrerequisites(EmulatorPartnerSettings partner) =>
            !partner.FlowdownComplete ? PlaidErrors.FlowdownNotComplete
            : !partner.QuestionnaireComplete ? PlaidErrors.QuestionnaireNotComplete
            : null;

        private static PlaidErrorSpec? Check(JObject body, EmulatorPartnerSettings partner, bool canCarryAssetsUnderManagement)
        {
            if (PartnerPrerequisites(partner) is { } prerequisite)
            {
                return prerequisite;
            }

            if (!partner.ContactsOnFile && body["billing_contact"] is null && body["technical_contact"] is null)
            {
                return PlaidErrors.ContactRequired;
            }

            if (canCarryAssetsUnderManagement && partner.MonthlyServiceCommitment && body["assets_under_management"] is null)
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
    }
}
