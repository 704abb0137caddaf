using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests
{
    /// <summary>Every failed call surfaces as <see cref="PlaidApiException"/>, whatever the server sent.</summary>
    public class PlaidApiExceptionTests
    {
        /// <summary>Plaid API docs, Errors › Partner errors: code, HTTP status, message.</summary>
        private static readonly object[] PartnerErrors =
        {
            new object[] { PlaidPartnerErrorCodes.CustomerNotFound, 404, "the customer was not found" },
            new object[] { PlaidPartnerErrorCodes.FlowdownNotComplete, 412, "you must complete a flowdown to create and enable customers" },
            new object[] { PlaidPartnerErrorCodes.QuestionnaireNotComplete, 412, "you must complete the security questionnaire to create and enable customers" },
            new object[] { PlaidPartnerErrorCodes.CustomerNotReadyForEnablement, 412, "this customer is not ready for enablement" },
            new object[] { PlaidPartnerErrorCodes.CustomerAlreadyEnabled, 400, "this customer has already been enabled" },
            new object[] { PlaidPartnerErrorCodes.CustomerAlreadyCreated, 400, "this customer has already been created" },
            new object[] { PlaidPartnerErrorCodes.LogoRequired, 400, "a logo is required because create_link_customization is set to true and the co-branded consent pane is in use" },
            new object[] { PlaidPartnerErrorCodes.InvalidLogo, 400, "the logo must be a base64-encoded string of a PNG of size 1024x1024" },
            new object[] { PlaidPartnerErrorCodes.ContactRequired, 400, "billing or technical contacts must be submitted either in the request or filled in for your team in the dashboard" },
            new object[] { PlaidPartnerErrorCodes.AssetsUnderManagementRequired, 400, "assets under management must be submitted because your team has a monthly service commitment" },
            new object[]
            {
                PlaidPartnerErrorCodes.CustomerRemovalNotAllowed,
                400,
                "removal of a production-enabled end customer is not allowed. talk to your account manager to remove this end customer.",
            },
        };

        [TestCaseSource(nameof(PartnerErrors))]
        public void Each_partner_error_surfaces_with_its_status_and_fields(string code, int status, string message)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var body = $$"""
                {
                  "error_type": "PARTNER_ERROR",
                  "error_code": "{{code}}",
                  "error_message": "{{message}}",
                  "display_message": null,
                  "request_id": "HNTDNrA8F1shFEW"
                }
                """;
            foreach (var endpoint in EndpointCase.All)
            {
                plaid.Respond(endpoint.Path, (HttpStatusCode)status, body);
            }

            foreach (var endpoint in EndpointCase.All)
            {
                var exception = Assert.ThrowsAsync<PlaidApiException>(() => endpoint.Call(plaid.Client), endpoint.Path);

                Assert.Multiple(() =>
                {
                    Assert.That((int)exception!.StatusCode, Is.EqualTo(status));
                    Assert.That(exception.ErrorType, Is.EqualTo(PlaidErrorType.PartnerError));
                    Assert.That(exception.IsPartnerError, Is.True);
                    Assert.That(exception.ErrorCode, Is.EqualTo(code));
                    Assert.That(exception.ErrorMessage, Is.EqualTo(message));
                    Assert.That(exception.DisplayMessage, Is.Null);
                    Assert.That(exception.RequestId, Is.EqualTo("HNTDNrA8F1shFEW"));
                    Assert.That(exception.Message, Does.Contain(endpoint.Path).And.Contain(code).And.Contain("HNTDNrA8F1shFEW"));
                });
            }
        }

        [TestCase(PlaidPartnerErrorCodes.CustomerAlreadyCreated, "this customer has already been created", true)]
        [TestCase(PlaidPartnerErrorCodes.CustomerAlreadyEnabled, "this customer has already been enabled", false)]
        public void A_CUSTOMER_ALREADY_CREATED_message_and_no_other_says_that_the_application_name_must_be_unique(string code, string message, bool hinted)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(
                "/partner/customer/create",
                HttpStatusCode.BadRequest,
                $$"""
                {"error_type": "PARTNER_ERROR", "error_code": "{{code}}", "error_message": "{{message}}", "display_message": null, "request_id": "HNTDNrA8F1shFEW"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => EndpointCase.All.Single(e => e.Path == "/partner/customer/create").Call(plaid.Client));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ErrorMessage, Is.EqualTo(message), "Plaid's own message, untouched");
                Assert.That(exception.Message, Does.Contain(message));
                Assert.That(exception.Message.Contains("application_name must be unique", StringComparison.Ordinal), Is.EqualTo(hinted));
            });
        }

        [Test]
        public void There_is_a_constant_for_each_of_the_eleven_partner_error_codes()
        {
            var constants = typeof(PlaidPartnerErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!);

            Assert.That(constants, Is.EquivalentTo(PartnerErrors.Cast<object[]>().Select(e => (string)e[0])));
        }

        [Test]
        public void Every_plaid_error_field_is_exposed()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.InternalServerError, """
                {
                  "error_type": "API_ERROR",
                  "error_code": "INTERNAL_SERVER_ERROR",
                  "error_code_reason": "OAUTH_CONSENT_EXPIRED",
                  "error_message": "an unexpected error occurred",
                  "display_message": "Try again",
                  "request_id": "HNTDNrA8F1shFEW",
                  "causes": [ { "x": 1 } ],
                  "status": 500,
                  "documentation_url": "https://plaid.com/docs/errors/api/",
                  "suggested_action": "retry later",
                  "brand_new_field": true
                }
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ErrorType, Is.EqualTo(PlaidErrorType.ApiError));
                Assert.That(exception.ErrorCodeReason, Is.EqualTo(PlaidErrorCodeReason.OauthConsentExpired));
                Assert.That(exception.DisplayMessage, Is.EqualTo("Try again"));
                Assert.That(exception.DocumentationUrl, Is.EqualTo("https://plaid.com/docs/errors/api/"));
                Assert.That(exception.SuggestedAction, Is.EqualTo("retry later"));
                Assert.That(exception.Error!.Status, Is.EqualTo(500));
                Assert.That(exception.Error.Causes, Has.Count.EqualTo(1));
                Assert.That(exception.Error.AdditionalProperties.Keys, Does.Contain("brand_new_field"));
                Assert.That(exception.IsPartnerError, Is.False);
            });
        }

        [Test]
        public void An_error_type_the_spec_does_not_know_keeps_its_raw_value()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(
                PlaidOperations.GetPath,
                HttpStatusCode.BadRequest,
                """{"error_type":"QUANTUM_ERROR","error_code":"ENTANGLED","error_message":"m","display_message":null,"request_id":"r"}""");

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ErrorType!.Value.ToString(), Is.EqualTo("QUANTUM_ERROR"));
                Assert.That(exception.ErrorType.Value.IsKnown, Is.False);
                Assert.That(exception.ErrorCode, Is.EqualTo("ENTANGLED"));
            });
        }

        /// <summary>
        /// Bodies no Plaid server should send; each must give PlaidApiException and nothing else. A body that is only
        /// wrong for one operation (a member of the wrong type) is sent to that operation; the others would rightly
        /// keep an unknown member in AdditionalProperties.
        /// </summary>
        private static IEnumerable<TestCaseData> HostileBodies()
        {
            const string Get = PlaidOperations.GetPath;
            const string OAuth = PlaidOperations.OAuthInstitutionsGetPath;
            const string Key = PlaidOperations.WebhookVerificationKeyGetPath;
            const string Create = PlaidOperations.CreatePath;
            const string BetaCreate = PlaidOperations.BetaCreatePath;
            const string BetaGet = PlaidOperations.BetaGetPath;
            const string BetaUpdate = PlaidOperations.BetaUpdatePath;
            const string BetaEnable = PlaidOperations.BetaEnablePath;
            var deep = new string('[', 5000) + new string(']', 5000);
            var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
            // Just under the default PlaidPartnerOptions.MaxResponseBodyBytes (1 MiB): read whole, then cut to a snippet.
            var huge = "{\"error_type\":\"API_ERROR\",\"error_code\":\"X\",\"error_message\":\"" + new string('x', 1_000_000) + "\"}";
            var anyStatus = new (string Name, string Body, string MediaType)[]
            {
                ("empty", "", "application/json"),
                ("whitespace", "   \n\t ", "application/json"),
                ("html error page", "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
                ("plain text", "upstream connect error or disconnect/reset before headers", "text/plain"),
                ("truncated object", "{\"error_type\":\"PARTNER_ERROR\",\"error_co", "application/json"),
                ("truncated string", "{\"end_customer\":{\"client_id\":\"abc", "application/json"),
                ("json null", "null", "application/json"),
                ("json array", "[1,2,3]", "application/json"),
                ("json string", "\"oops\"", "application/json"),
                ("json number", "42", "application/json"),
                ("json true", "true", "application/json"),
                ("deeply nested arrays", deep, "application/json"),
                ("deeply nested objects", deepObject, "application/json"),
                ("trailing garbage", "{\"request_id\":\"r\"} garbage", "application/json"),
                ("two objects", "{}{}", "application/json"),
                ("single-quoted and truncated", "{'request_id':'r'", "application/json"),
                ("unterminated comment", "/* {\"request_id\":\"r\"}", "application/json"),
                ("invalid escape", "{\"request_id\":\"\\q\"", "application/json"),
                ("binary junk", "\u0000\u0001\u0002\u00ff\u00fe", "application/octet-stream"),
                ("xml", "<?xml version=\"1.0\"?><error>bad</error>", "application/xml"),
                ("json with BOM but truncated", "\uFEFF{\"request_id\":", "application/json"),
            };
            foreach (var (name, body, mediaType) in anyStatus)
            {
                yield return new TestCaseData(HttpStatusCode.OK, body, mediaType, null).SetName($"200 with {name}");
                yield return new TestCaseData(HttpStatusCode.BadGateway, body, mediaType, null).SetName($"502 with {name}");
            }

            var wrongForOneOperation = new (string Name, string Body, string Path)[]
            {
                ("end_customer is a string", "{\"end_customer\":\"abc\",\"request_id\":\"r\"}", Get),
                ("end_customer is an array", "{\"end_customer\":[],\"request_id\":\"r\"}", Create),
                ("status is a number", "{\"end_customer\":{\"status\":7}}", Get),
                ("status is an object", "{\"end_customer\":{\"status\":{}}}", Create),
                ("institutions is an object", "{\"institutions\":{}}", OAuth),
                ("institutions is NaN", "{\"institutions\":NaN}", OAuth),
                ("an institution is a number", "{\"institutions\":[1]}", OAuth),
                ("key is a number", "{\"key\":5}", Key),
                ("created_at is text", KeyWithCreatedAt("\"yesterday\""), Key),
                ("created_at overflows int64", KeyWithCreatedAt("99999999999999999999999"), Key),
                ("the key is null", "{\"key\":null,\"request_id\":\"r\"}", Key),
                ("the key has no kty", PlaidExampleResponses.WebhookVerificationKeyGetResponse.Replace("\"kty\": \"EC\",", string.Empty, StringComparison.Ordinal), Key),
                ("requirements_due is a string", "{\"end_customer\":{\"requirements_due\":\"website\"}}", BetaGet),
                ("a requirement is a number", "{\"end_customer\":{\"requirements_due\":[\"website\",7]}}", BetaUpdate),
                ("a requirement is null", "{\"end_customer\":{\"requirements_due\":[null]}}", BetaGet),
                ("product_statuses is an array", "{\"product_statuses\":[\"auth\"],\"request_id\":\"r\"}", BetaEnable),
                // Any JSON value is a product status Plaid's contract allows (ContractAnswerTests); NaN is not JSON.
                ("product_statuses is a string", "{\"end_customer\":{\"product_statuses\":\"auth\"}}", BetaGet),
                ("a product status is NaN", "{\"end_customer\":{\"product_statuses\":{\"auth\":NaN}}}", BetaUpdate),
                ("an unknown member is NaN", "{\"end_customer\":{\"brand_new\":[NaN]}}", BetaGet),
                ("the beta secrets are a string", "{\"end_customer\":{\"secrets\":\"79g03eoofwl8240v776r2h667442119\"}}", BetaCreate),
            };
            foreach (var (name, body, path) in wrongForOneOperation)
            {
                yield return new TestCaseData(HttpStatusCode.OK, body, "application/json", path).SetName($"200 with {name}");
            }

            yield return new TestCaseData(HttpStatusCode.BadGateway, huge, "application/json", null).SetName("502 with a 1 MB error_message");
            yield return new TestCaseData(HttpStatusCode.BadRequest, "{\"error_type\":5,\"error_code\":\"X\"}", "application/json", null).SetName("400 with error_type a number");
            yield return new TestCaseData(HttpStatusCode.BadRequest, "{\"message\":\"bad\"}", "application/json", null).SetName("400 with an object that is not a PlaidError");
            yield return new TestCaseData(HttpStatusCode.BadRequest, "{\"error_type\":\"INVALID_REQUEST\",\"error_code\":\"MISSING_FIELDS\"}", "application/json", null)
                .SetName("400 with a PlaidError missing required members");
            yield return new TestCaseData(HttpStatusCode.Created, "{}", "application/json", null).SetName("201, an undocumented success status");
            yield return new TestCaseData(HttpStatusCode.NoContent, "", "application/json", null).SetName("204 with no body");
        }

        // Plaid's example key with one value changed, so the body fails for the reason its case names (every member the
        // contract requires is there).
        private static string KeyWithCreatedAt(string value) =>
            PlaidExampleResponses.WebhookVerificationKeyGetResponse.Replace("1560466150", value, StringComparison.Ordinal);

        [TestCaseSource(nameof(HostileBodies))]
        public void A_hostile_body_gives_plaid_api_exception_and_nothing_else(HttpStatusCode status, string body, string mediaType, string? onlyPath)
        {
            var endpoints = EndpointCase.All.Where(e => onlyPath is null || e.Path == onlyPath).ToList();
            Assert.That(endpoints, Is.Not.Empty);
            foreach (var endpoint in endpoints)
            {
                using var plaid = new MockPlaid(PlaidEnvironment.Production);
                plaid.Respond(endpoint.Path, status, body, mediaType);

                // Assert.ThrowsAsync demands the exact type: no JsonReaderException, NullReferenceException, HttpRequestException.
                var exception = Assert.ThrowsAsync<PlaidApiException>(() => endpoint.Call(plaid.Client), endpoint.Path);

                Assert.Multiple(() =>
                {
                    Assert.That(exception!.StatusCode, Is.EqualTo(status));
                    Assert.That(exception.Message, Does.Contain(endpoint.Path));
                    Assert.That(exception.Message.Length, Is.LessThan(1_000), "the message quotes a short snippet, not the body");
                    Assert.That(exception.ResponseBodySnippet?.Length ?? 0, Is.LessThan(400));
                    Assert.That(exception.ToString(), Does.Not.Contain(MockPlaid.Secret));
                });
            }
        }

        [Test]
        public void There_are_at_least_thirty_hostile_bodies()
        {
            Assert.That(HostileBodies().Count(), Is.GreaterThanOrEqualTo(30));
        }

        [Test]
        public async Task A_json_body_with_a_byte_order_mark_is_read()
        {
            using var plaid = new MockPlaid();
            plaid.Handler.When(MockPlaid.Url(PlaidEnvironment.Sandbox, PlaidOperations.RemovePath)).Respond(() =>
            {
                var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(PlaidExampleResponses.RemoveResponse)).ToArray();
                var content = new System.Net.Http.ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return Task.FromResult(new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            });

            await Assert.ThatAsync(async () => (await plaid.Client.RemoveEndCustomerAsync("id")).RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
        }

        [Test]
        public async Task A_response_missing_request_id_is_not_an_error()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.OK, "{\"end_customer\":{\"client_id\":\"c\"}}");

            await Assert.ThatAsync(async () => (await plaid.Client.GetEndCustomerAsync("c")).RequestId, Is.Null);
        }

        [Test]
        public void An_echoed_secret_never_reaches_the_message_or_the_snippet()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.BadRequest, $$"""
                {"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS",
                 "error_message":"invalid client_id or secret provided: {{MockPlaid.Secret}}",
                 "display_message":null,"request_id":"r","secret":"{{MockPlaid.Secret}}"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.ResponseBodySnippet, Does.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.ToString(), Does.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.ErrorMessage, Does.Not.Contain(MockPlaid.Secret).And.Contain("[REDACTED]"));
                Assert.That(exception.Error!.ErrorMessage, Does.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.Error.AdditionalProperties["secret"].ToString(), Is.EqualTo("\"[REDACTED]\""), "a member the contract does not describe");
                Assert.That(exception.Message, Does.Contain("INVALID_API_KEYS"));
            });
        }

        [Test]
        public void A_secret_spelled_with_a_json_escape_is_redacted_from_the_error_and_the_message()
        {
            // The body as sent does not contain the secret; the error_message Newtonsoft.Json reads out of it does.
            var escaped = "\\u" + ((int)MockPlaid.Secret[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + MockPlaid.Secret.Substring(1);
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.BadRequest, $$"""
                {"error_type":"INVALID_INPUT","error_code":"INVALID_FIELD","error_message":"no client {{escaped}}","display_message":null,"request_id":"r"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ErrorMessage, Is.EqualTo("no client [REDACTED]"));
                Assert.That(exception.Message, Does.Contain("no client [REDACTED]").And.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.ToString(), Does.Not.Contain(MockPlaid.Secret));
            });
        }

        [Test]
        public void A_thrown_exception_keeps_no_reference_to_the_secret()
        {
            // Its message is written when first read: what it keeps to write it must not include the secret (nor the
            // response, whose request carries it in a header).
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.BadRequest, """
                {"error_type":"INVALID_INPUT","error_code":"INVALID_FIELD","error_message":"bad id","display_message":null,"request_id":"r"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            var strings = ObjectGraph.StringsReachableFrom(exception!);
            Assert.Multiple(() =>
            {
                Assert.That(strings, Does.Contain("bad id"), "the walk reaches the parsed error");
                Assert.That(strings.Where(s => s.Contains(MockPlaid.Secret, StringComparison.Ordinal)), Is.Empty);
                Assert.That(exception!.Message, Does.Contain("INVALID_INPUT/INVALID_FIELD: bad id (request_id r)"));
            });
        }

        [Test]
        public void The_message_is_written_once_and_the_same_text_is_read_after()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.NotFound, """
                {"error_type":"PARTNER_ERROR","error_code":"CUSTOMER_NOT_FOUND","error_message":"the customer was not found","display_message":null,"request_id":"r"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            var firstMessage = exception!.Message;
            var firstSnippet = exception.ResponseBodySnippet;

            Assert.Multiple(() =>
            {
                Assert.That(exception.Message, Is.SameAs(firstMessage));
                Assert.That(exception.ResponseBodySnippet, Is.SameAs(firstSnippet).And.Contain("CUSTOMER_NOT_FOUND"));
                Assert.That(exception.ToString(), Does.StartWith(typeof(PlaidApiException).FullName + ": " + exception.Message));
            });
        }

        [TestCase("{\"production_secret\":\"79g03eoofwl8240v776r2h667442119\",\"request_id\":", "79g03eoofwl8240v776r2h667442119")]
        [TestCase("{\"end_customer\":{\"secrets\":{\"sandbox\":\"b60b5201d006ca5a7081d27c824d77\",\"production\":\"79g03eoofwl8240v776r2h66744", "b60b5201d006ca5a7081d27c824d77")]
        [TestCase("{\"end_customer\":{\"secrets\":{\"sandbox\":\"b60b5201d006ca5a7081d27c824d77\",\"production\":\"79g03eoofwl8240v776r2h66744", "79g03eoofwl8240v776r2h66744")]
        public void A_secret_in_an_unreadable_success_body_is_redacted(string body, string secret)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.EnablePath, HttpStatusCode.OK, body);
            plaid.Respond(PlaidOperations.CreatePath, HttpStatusCode.OK, body);
            plaid.Respond(PlaidOperations.BetaEnablePath, HttpStatusCode.OK, body);
            plaid.Respond(PlaidOperations.BetaCreatePath, HttpStatusCode.OK, body);

            var enable = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.EnableEndCustomerAsync("id"));
            var create = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.CreateEndCustomerAsync(Requests.Create()));
            var betaEnable = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.Beta.EnableEndCustomerAsync(Requests.BetaEnable()));
            var betaCreate = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate()));

            foreach (var exception in new[] { enable!, create!, betaEnable!, betaCreate! })
            {
                Assert.That(exception.ToString(), Does.Not.Contain(secret));
                Assert.That(exception.ResponseBodySnippet, Does.Contain("[REDACTED]"));
            }
        }
    }
}
