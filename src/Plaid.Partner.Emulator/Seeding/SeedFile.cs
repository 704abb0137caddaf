using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Seeding
{
    /// <summary>
    /// Reads a seed file (the emulator README, "Seed and reset"). Anything it cannot use stops it with an
    /// <see cref="EmulatorSeedException"/> naming the file, the JSON path and the reason: an unknown member, a wrong
    /// type, a status Plaid's lifecycle cannot reach that way, a repeated id or application name.
    /// </summary>
    internal static class SeedFile
    {
        private static readonly string[] TopMembers = { "partner", "end_customers" };
        private static readonly string[] CustomerMembers = { "client_id", "company_name", "application_name", "status", "oauth_statuses", "beta", "secrets" };
        private static readonly string[] BetaMembers = { "products", "details" };
        private static readonly string[] SecretMembers = { "sandbox", "production" };
        private static readonly string[] GaStatuses = { CustomerStatus.UnderReview, CustomerStatus.PendingEnablement, CustomerStatus.Active, CustomerStatus.Denied };

        public static EmulatorSeed Load(string file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new EmulatorSeedException(file, "$", $"cannot be read: {e.Message}", e);
            }

            return Parse(text, file);
        }

        public static EmulatorSeed Parse(string text, string file)
        {
            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                root = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error }) as JObject
                    ?? throw new EmulatorSeedException(file, "$", "must be a JSON object with end_customers and partner");
            }
            catch (JsonReaderException e)
            {
                throw new EmulatorSeedException(file, "$" + (string.IsNullOrEmpty(e.Path) ? string.Empty : "." + e.Path), $"is not valid JSON: {e.Message}", e);
            }

            var check = new Checker(file);
            check.OnlyMembers(root, TopMembers);
            var partner = root["partner"] is { } p ? ReadPartner(check, p) : null;
            var customers = new List<SeedCustomer>();
            if (root["end_customers"] is { } list)
            {
                foreach (var item in check.Array(list))
                {
                    customers.Add(ReadCustomer(check, item));
                }
            }

            check.Unique(customers.Select((c, i) => (c.ClientId, $"end_customers[{i}].client_id")), "client_id");
            check.Unique(customers.Select((c, i) => (c.ApplicationName.ToUpperInvariant(), $"end_customers[{i}].application_name")), "application_name (letter case ignored)");
            return new EmulatorSeed(partner, customers);
        }

        private static EmulatorPartnerSettings ReadPartner(Checker check, JToken token)
        {
            try
            {
                return check.Object(token).ToObject<EmulatorPartnerSettings>(JsonSerializer.Create(Control.ControlJson.Settings))!;
            }
            catch (JsonException e)
            {
                throw check.Fail(token, $"is not partner settings (flowdown_complete, questionnaire_complete, contacts_on_file, monthly_service_commitment, co_branded_consent_in_use): {e.Message}");
            }
        }

        private static SeedCustomer ReadCustomer(Checker check, JToken token)
        {
            var customer = check.Object(token);
            check.OnlyMembers(customer, CustomerMembers);
            var companyName = check.Text(customer, "company_name", required: true)!;
            var applicationName = check.Text(customer, "application_name", required: true)!;
            var clientId = check.Text(customer, "client_id", required: false) ?? RandomIds.ClientId();
            var secrets = customer["secrets"] is { } s ? check.Object(s) : null;
            if (secrets is not null)
            {
                check.OnlyMembers(secrets, SecretMembers);
            }

            var status = (check.Text(customer, "status", required: false) ?? CustomerStatus.UnderReview).ToUpperInvariant();
            JObject? details = null;
            IReadOnlyList<string>? products = null;
            IReadOnlyList<string> history;
            if (customer["beta"] is { } betaToken)
            {
                var beta = check.Object(betaToken);
                check.OnlyMembers(beta, BetaMembers);
                details = beta["details"] is { } d ? (JObject)check.Object(d).DeepClone() : new JObject();
                details["company_name"] = companyName;
                details["application_name"] = applicationName;
                products = beta["products"] is { } list
                    ? check.Array(list).Select(p => p.Type == JTokenType.String ? (string)p! : throw check.Fail(p, "must be a product name")).Distinct(StringComparer.Ordinal).ToList()
                    : RequirementsDue.ResellerProducts;
                if (products.Count == 0)
                {
                    products = RequirementsDue.ResellerProducts;
                }

                var due = RequirementsDue.Assess(details, products).Due;
                var first = due.Count > 0 ? CustomerStatus.MoreInformationNeeded : CustomerStatus.PendingEnablement;
                history = status == CustomerStatus.Active && first == CustomerStatus.PendingEnablement ? new[] { first, CustomerStatus.Active }
                    : status == first || customer["status"] is null ? new[] { first }
                    : throw check.Fail(
                        customer["status"]!,
                        $"is {status}, but a beta customer with these details is {first}"
                        + (due.Count > 0 ? $" (due: {string.Join(", ", due)}); only one with nothing due can be ACTIVE" : " (nothing is due); it can be PENDING_ENABLEMENT or ACTIVE"));
            }
            else
            {
                history = status switch
                {
                    CustomerStatus.UnderReview => new[] { CustomerStatus.UnderReview },
                    CustomerStatus.PendingEnablement => new[] { CustomerStatus.UnderReview, CustomerStatus.PendingEnablement },
                    CustomerStatus.Denied => new[] { CustomerStatus.UnderReview, CustomerStatus.Denied },
                    CustomerStatus.Active => new[] { CustomerStatus.UnderReview, CustomerStatus.PendingEnablement, CustomerStatus.Active },
                    _ => throw check.Fail(customer["status"]!, $"'{status}' is not a status a seeded end customer can have; use one of {string.Join(", ", GaStatuses)}"),
                };
            }

            var oauth = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
            if (customer["oauth_statuses"] is { } oauthToken)
            {
                var map = check.Object(oauthToken);
                if (history[^1] != CustomerStatus.Active && map.Count > 0)
                {
                    throw check.Fail(map, $"is set, but the customer is {history[^1]}: Plaid starts OAuth registration only at enable, so only an ACTIVE customer has OAuth statuses");
                }

                foreach (var property in map.Properties())
                {
                    if (!OAuthInstitutionCatalog.Institutions.Any(i => i.Id == property.Name))
                    {
                        throw check.Fail(property, $"'{property.Name}' is not an OAuth institution of the emulator; use {string.Join(", ", OAuthInstitutionCatalog.Institutions.Select(i => i.Id))}");
                    }

                    oauth[property.Name] = ReadOAuthStatus(check, property.Value);
                }
            }

            return new SeedCustomer(
                clientId,
                companyName,
                applicationName,
                check.Text(secrets, "sandbox", required: false) ?? RandomIds.Secret(),
                check.Text(secrets, "production", required: false) ?? RandomIds.Secret(),
                history,
                oauth,
                details,
                products);
        }

        /// <summary><c>"APPROVED"</c>, or <c>{"status": "ATTENTION_REQUIRED", "error_message": "…"}</c>.</summary>
        private static (string Status, string? ErrorMessage) ReadOAuthStatus(Checker check, JToken token)
        {
            var statusToken = token;
            string? message = null;
            if (token is JObject withMessage)
            {
                check.OnlyMembers(withMessage, new[] { "status", "error_message" });
                statusToken = withMessage["status"] ?? throw check.Fail(withMessage, "needs status");
                message = check.Text(withMessage, "error_message", required: false);
            }

            if (statusToken.Type != JTokenType.String)
            {
                throw check.Fail(statusToken, "must be an OAuth status string, or an object with status and error_message");
            }

            try
            {
                return (OAuthStatus.Parse((string)statusToken!), message);
            }
            catch (ArgumentException e)
            {
                throw check.Fail(statusToken, e.Message.TrimEnd('.'));
            }
        }

        /// <summary>The checks, each failing with the file and the token's JSON path.</summary>
        private sealed class Checker
        {
            private readonly string _file;

            public Checker(string file) => _file = file;

            public EmulatorSeedException Fail(JToken token, string reason) =>
                new(_file, "$" + (string.IsNullOrEmpty(token.Path) ? string.Empty : "." + token.Path), reason);

            public JObject Object(JToken token) => token as JObject ?? throw Fail(token, $"must be a JSON object (it is {Describe(token)})");

            public JArray Array(JToken token) => token as JArray ?? throw Fail(token, $"must be a JSON array (it is {Describe(token)})");

            public void OnlyMembers(JObject value, string[] allowed)
            {
                if (value.Properties().FirstOrDefault(p => !allowed.Contains(p.Name, StringComparer.Ordinal)) is { } unknown)
                {
                    throw Fail(unknown, $"'{unknown.Name}' is not a seed member here; use {string.Join(", ", allowed)}");
                }
            }

            public string? Text(JObject? owner, string name, bool required)
            {
                var token = owner?[name];
                if (token is null || token.Type == JTokenType.Null)
                {
                    return required ? throw Fail(owner!, $"needs {name}") : null;
                }

                return token.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token)
                    ? ((string)token!).Trim()
                    : throw Fail(token, $"must be a non-empty string (it is {Describe(token)})");
            }

            public void Unique(IEnumerable<(string Key, string Path)> keys, string what)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, path) in keys)
                {
                    if (!seen.Add(key))
                    {
                        throw new EmulatorSeedException(_file, "$." + path, $"repeats the {what} of an earlier end customer");
                    }
                }
            }

            private static string Describe(JToken token) => token.Type switch
            {
                JTokenType.Null => "null",
                JTokenType.String => "a string",
                JTokenType.Integer or JTokenType.Float => "a number",
                JTokenType.Boolean => "a boolean",
                JTokenType.Array => "an array",
                JTokenType.Object => "an object",
                _ => token.Type.ToString(),
            };
        }
    }
}
