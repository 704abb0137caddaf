using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Hosting
{
    /// <summary>Credentials are checked as Plaid does: the documented INVALID_API_KEYS (Plaid API docs, Errors › Invalid input errors).</summary>
    public class PlaidRequestPipelineTests
    {
        private static readonly object?[][] BadCredentials =
        {
            new object?[] { null, "(emulator)" },
            new object?[] { "(emulator)", null },
            new object?[] { "someone-else", "(emulator)" },
            new object?[] { "(emulator)", "wrong-secret" },
            new object?[] { "(emulator)", "" },
            new object?[] { null, null },
        };

        [TestCaseSource(nameof(BadCredentials))]
        public async Task Missing_or_wrong_credentials_get_invalid_api_keys(string? clientId, string? secret)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{\"end_customer_client_id\":\"x\"}", clientId: clientId, secret: secret);

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(400));
                Assert.That(response.Json["error_type"]!.ToString(), Is.EqualTo("INVALID_INPUT"));
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_API_KEYS"));
                Assert.That(response.Json["error_message"]!.ToString(), Is.EqualTo("invalid client_id or secret provided"));
                Assert.That(response.Json["display_message"]!.Type, Is.EqualTo(JTokenType.Null));
            });
        }

        [Test]
        public async Task A_client_with_a_wrong_secret_gets_a_typed_invalid_api_keys_error_without_the_secret()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var options = emulator.CreateClientOptions();
            options.Secret = "not-the-emulators-secret";

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => new PlaidPartnerClient(options).GetEndCustomerAsync("any"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(400));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.InvalidInput));
                Assert.That(refused.ErrorCode, Is.EqualTo("INVALID_API_KEYS"));
                Assert.That(refused.ToString(), Does.Not.Contain("not-the-emulators-secret"));
            });
        }

        [Test]
        public async Task Credentials_are_checked_before_the_body()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "not json", secret: "wrong");

            Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_API_KEYS"));
        }

        [Test]
        public async Task A_path_plaid_does_not_have_gets_not_found()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/list", "{}");

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(400));
                Assert.That(response.Json["error_type"]!.ToString(), Is.EqualTo("INVALID_REQUEST"));
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("NOT_FOUND"));
                Assert.That(response.Json["request_id"]!.ToString(), Has.Length.EqualTo(15));
            });
        }
    }
}
