namespace Plaid.Partner
{
    /// <summary>
    /// The <c>error_code</c> values of <c>PARTNER_ERROR</c> (Plaid docs, "Partner errors"), with the HTTP status
    /// each comes with. Compare with <see cref="PlaidApiException.ErrorCode"/>.
    /// </summary>
    public static class PlaidPartnerErrorCodes
    {
        /// <summary>HTTP 404: the end customer could not be found.</summary>
        public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";

        /// <summary>HTTP 412: a flowdown, a prerequisite for creating an end customer, has not been completed.</summary>
        public const string FlowdownNotComplete = "FLOWDOWN_NOT_COMPLETE";

        /// <summary>HTTP 412: the security questionnaire, a prerequisite for creating an end customer, has not been submitted.</summary>
        public const string QuestionnaireNotComplete = "QUESTIONNAIRE_NOT_COMPLETE";

        /// <summary>HTTP 412: the end customer needs manual approval from Plaid, or was denied.</summary>
        public const string CustomerNotReadyForEnablement = "CUSTOMER_NOT_READY_FOR_ENABLEMENT";

        /// <summary>HTTP 400: the end customer has already been enabled.</summary>
        public const string CustomerAlreadyEnabled = "CUSTOMER_ALREADY_ENABLED";

        /// <summary>
        /// HTTP 400: the end customer has already been created. The application name (<c>application_name</c>) must be
        /// unique: it cannot match the name of another application already registered with Plaid (Plaid API docs, Partner ›
        /// /partner/customer/create), so create again with another one. The exception's message says so too.
        /// </summary>
        public const string CustomerAlreadyCreated = "CUSTOMER_ALREADY_CREATED";

        /// <summary>HTTP 400: a logo is required because <c>create_link_customization</c> is true and the co-branded consent pane is in use.</summary>
        public const string LogoRequired = "LOGO_REQUIRED";

        /// <summary>HTTP 400: the logo is not a base64-encoded PNG of size 1024x1024.</summary>
        public const string InvalidLogo = "INVALID_LOGO";

        /// <summary>HTTP 400: a billing or technical contact is required, in the request or in the Dashboard.</summary>
        public const string ContactRequired = "CONTACT_REQUIRED";

        /// <summary>HTTP 400: <c>assets_under_management</c> is required because the team has a monthly service commitment.</summary>
        public const string AssetsUnderManagementRequired = "ASSETS_UNDER_MANAGEMENT_REQUIRED";

        /// <summary>HTTP 400: a production-enabled (ACTIVE) end customer cannot be removed through the API.</summary>
        public const string CustomerRemovalNotAllowed = "CUSTOMER_REMOVAL_NOT_ALLOWED";
    }
}
