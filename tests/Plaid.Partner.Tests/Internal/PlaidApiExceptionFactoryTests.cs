using System.Collections.Generic;
using System.Net;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    public class PlaidApiExceptionFactoryTests
    {
        private static readonly Dictionary<string, IEnumerable<string>> NoHeaders = new();

        [Test]
        public void The_error_the_response_reader_parsed_is_used_and_the_body_is_not_parsed_again()
        {
            // The text says one thing and the parsed error another: only a second parse of the text could give "FROM_TEXT".
            var parsed = new PlaidError { ErrorType = PlaidErrorType.PartnerError, ErrorCode = "FROM_THE_ONE_PARSE", ErrorMessage = "m", RequestId = "r" };
            var text = """{"error_type":"API_ERROR","error_code":"FROM_TEXT","error_message":"m","request_id":"r"}""";
            var source = new PlaidFailure(404, text, NoHeaders, parsed);

            var exception = PlaidApiExceptionFactory.Create(PlaidOperations.GetPath, typeof(PartnerCustomerGetResponse), source, MockPlaid.Secret);

            Assert.Multiple(() =>
            {
                Assert.That(exception.ErrorCode, Is.EqualTo("FROM_THE_ONE_PARSE"));
                Assert.That(exception.Message, Does.Contain("FROM_THE_ONE_PARSE"));
                Assert.That(exception.ResponseBodySnippet, Does.Contain("FROM_TEXT"), "the snippet still quotes the body");
            });
        }

        [Test]
        public void An_error_field_naming_a_secret_member_is_redacted_though_it_holds_no_configured_secret()
        {
            // An end customer's key is a secret too: the configured one is not in this answer, the member name is.
            var parsed = new PlaidError
            {
                ErrorType = PlaidErrorType.InvalidInput,
                ErrorCode = "INVALID_FIELD",
                ErrorMessage = "echo {\"production_secret\": \"79g03eoofwl8240v776r2h667442119\"}",
                RequestId = "r",
            };
            var source = new PlaidFailure(400, "{}", NoHeaders, parsed);

            var exception = PlaidApiExceptionFactory.Create(PlaidOperations.GetPath, typeof(PartnerCustomerGetResponse), source, MockPlaid.Secret);

            Assert.Multiple(() =>
            {
                Assert.That(exception.ErrorMessage, Does.Contain("[REDACTED]").And.Not.Contain("79g03eoofwl8240v776r2h667442119"));
                Assert.That(exception.Message, Does.Contain("[REDACTED]").And.Not.Contain("79g03eoofwl8240v776r2h667442119"));
            });
        }

        [Test]
        public void A_member_the_contract_does_not_describe_is_redacted_when_it_names_or_holds_a_secret()
        {
            var parsed = new PlaidError { ErrorType = PlaidErrorType.InvalidInput, ErrorCode = "INVALID_FIELD", ErrorMessage = "m", RequestId = "r" };
            parsed.AdditionalProperties["production_secret"] = PlaidJsonValue.FromString("79g03eoofwl8240v776r2h667442119");
            parsed.AdditionalProperties["echo"] = PlaidJsonValue.FromString("sent " + MockPlaid.Secret);
            parsed.AdditionalProperties["hint"] = PlaidJsonValue.FromString("kept as sent");
            var source = new PlaidFailure(400, "{}", NoHeaders, parsed);

            var exception = PlaidApiExceptionFactory.Create(PlaidOperations.GetPath, typeof(PartnerCustomerGetResponse), source, MockPlaid.Secret);

            var members = exception.Error!.AdditionalProperties;
            Assert.Multiple(() =>
            {
                Assert.That(members["production_secret"].ToString(), Is.EqualTo("\"[REDACTED]\""));
                Assert.That(members["echo"].ToString(), Is.EqualTo("\"[REDACTED]\""));
                Assert.That(members["hint"].ToString(), Is.EqualTo("\"kept as sent\""));
            });
        }

        [Test]
        public void A_body_over_the_limit_is_named_with_the_limit_and_the_setting()
        {
            var source = new PlaidResponseTooLargeException(503, NoHeaders, maxBytes: 1000, declaredLength: null).Failure;

            var exception = PlaidApiExceptionFactory.Create(PlaidOperations.GetPath, typeof(PartnerCustomerGetResponse), source, MockPlaid.Secret);

            Assert.Multiple(() =>
            {
                Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(
                    exception.Message,
                    Is.EqualTo("Plaid /partner/customer/get failed: HTTP 503 with a response body over 1000 bytes, " +
                        "the limit set by PlaidPartnerOptions.MaxResponseBodyBytes; the rest of the body was not read."));
                Assert.That(exception.Error, Is.Null);
            });
        }
    }
}
