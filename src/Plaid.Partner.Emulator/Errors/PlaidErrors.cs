using System.Collections.Generic;

namespace Plaid.Partner.Emulator.Errors
{
    /// <summary>
    /// The errors the emulator sends, with the status, type, code and message Plaid documents (Plaid API docs,
    /// Errors › Partner errors, Invalid input errors, Invalid request errors, API errors and Rate limit exceeded
    /// errors). Messages are Plaid's own, except where Plaid's pages leave them to the field or header at fault (INVALID_FIELD, INVALID_HEADERS, MISSING_FIELDS, UNKNOWN_FIELDS).
    /// </summary>
    internal static class PlaidErrors
    {
        public const string PartnerError = "PARTNER_ERROR";
        public const string InvalidInput = "INVALID_INPUT";
        public const string InvalidRequest = "INVALID_REQUEST";
        public const string ApiError = "API_ERROR";
        public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

        // Partner errors
        public static readonly PlaidErrorSpec CustomerNotFound = new(404, PartnerError, "CUSTOMER_NOT_FOUND", "the customer was not found");
        public static readonly PlaidErrorSpec FlowdownNotComplete = new(412, PartnerError, "FLOWDOWN_NOT_COMPLETE", "you must complete a flowdown to create and enable customers");
        public static readonly PlaidErrorSpec QuestionnaireNotComplete = new(
            412, PartnerError, "QUESTIONNAIRE_NOT_COMPLETE", "you must complete the security questionnaire to create and enable customers");
        public static readonly PlaidErrorSpec CustomerNotReadyForEnablement = new(412, PartnerError, "CUSTOMER_NOT_READY_FOR_ENABLEMENT", "this customer is not ready for enablement");
        public static readonly PlaidErrorSpec CustomerAlreadyEnabled = new(400, PartnerError, "CUSTOMER_ALREADY_ENABLED", "this customer has already been enabled");
        public static readonly PlaidErrorSpec CustomerAlreadyCreated = new(400, PartnerError, "CUSTOMER_ALREADY_CREATED", "this customer has already been created");
        public static readonly PlaidErrorSpec LogoRequired = new(
            400, PartnerError, "LOGO_REQUIRED", "a logo is required because create_link_customization is set to true and the co-branded consent pane is in use");
        public static readonly PlaidErrorSpec InvalidLogo = new(400, PartnerError, "INVALID_LOGO", "the logo must be a base64-encoded string of a PNG of size 1024x1024");
        public static readonly PlaidErrorSpec ContactRequired = new(
            400, PartnerError, "CONTACT_REQUIRED", "billing or technical contacts must be submitted either in the request or filled in for your team in the dashboard");
        public static readonly PlaidErrorSpec AssetsUnderManagementRequired = new(
            400, PartnerError, "ASSETS_UNDER_MANAGEMENT_REQUIRED", "assets under management must be submitted because your team has a monthly service commitment");
        public static readonly PlaidErrorSpec CustomerRemovalNotAllowed = new(
            400, PartnerError, "CUSTOMER_REMOVAL_NOT_ALLOWED", "removal of a production-enabled end customer is not allowed. talk to your account manager to remove this end customer.");

        // Invalid input errors
        public static readonly PlaidErrorSpec InvalidApiKeys = new(400, InvalidInput, "INVALID_API_KEYS", "invalid client_id or secret provided");
        public static readonly PlaidErrorSpec InvalidWebhookVerificationKeyId = new(
            400, InvalidInput, "INVALID_WEBHOOK_VERIFICATION_KEY_ID",
            "invalid key_id provided. note that key_ids are specific to Plaid environments, and verification requests must be made to the same "
            + "environment that the webhook was sent from");

        // Invalid request errors
        public static readonly PlaidErrorSpec InvalidBody = new(400, InvalidRequest, "INVALID_BODY", "body could not be parsed as JSON");
        public static readonly PlaidErrorSpec NotFound = new(400, InvalidRequest, "NOT_FOUND", "not found");

        // API errors
        public static readonly PlaidErrorSpec InternalServerError = new(500, ApiError, "INTERNAL_SERVER_ERROR", "an unexpected error occurred");
        public static readonly PlaidErrorSpec PlannedMaintenance = new(
            503, ApiError, "PLANNED_MAINTENANCE", "the Plaid API is temporarily unavailable due to planned maintenance. visit https://status.plaid.com/ for more information");

        // Rate limit exceeded errors
        public static readonly PlaidErrorSpec RateLimit = new(429, RateLimitExceeded, "RATE_LIMIT", "rate limit exceeded for attempts to access this item. please try again later");

        /// <summary>The eleven PARTNER_ERROR codes, for the README's trigger table and the tests.</summary>
        public static IReadOnlyList<PlaidErrorSpec> Partner { get; } = new[]
        {
            CustomerNotFound, FlowdownNotComplete, QuestionnaireNotComplete, CustomerNotReadyForEnablement, CustomerAlreadyEnabled,
            CustomerAlreadyCreated, LogoRequired, InvalidLogo, ContactRequired, AssetsUnderManagementRequired, CustomerRemovalNotAllowed,
        };

        public static PlaidErrorSpec InvalidHeaders(string message) => new(400, InvalidRequest, "INVALID_HEADERS", message);

        public static PlaidErrorSpec InvalidBodyBecause(string message) => new(400, InvalidRequest, "INVALID_BODY", message);

        public static PlaidErrorSpec MissingFields(IEnumerable<string> fields) =>
            new(400, InvalidRequest, "MISSING_FIELDS", "the following required fields are missing: " + string.Join(", ", fields));

        public static PlaidErrorSpec UnknownFields(IEnumerable<string> fields) =>
            new(400, InvalidRequest, "UNKNOWN_FIELDS", "the following fields are not recognized by this endpoint: " + string.Join(", ", fields));

        public static PlaidErrorSpec InvalidField(string message) => new(400, InvalidRequest, "INVALID_FIELD", message);

        /// <summary>The error an injected status fault answers with: the documented one for 429, 500 and 503, otherwise INTERNAL_SERVER_ERROR with the injected status.</summary>
        public static PlaidErrorSpec ForInjectedStatus(int status) => status switch
        {
            429 => RateLimit,
            503 => PlannedMaintenance,
            _ => InternalServerError with { Status = status },
        };
    }
}
