using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Validation
{
    /// <summary>Plaid accepts only JSON text with Content-Type application/json (Plaid API docs, Overview and Errors › Invalid request errors).</summary>
    public class RequestBodyReaderTests
    {
        [TestCase("{\"end_customer_client_id\":", "body could not be parsed as JSON", TestName = "truncated JSON")]
        [TestCase("end_customer_client_id=abc", "body could not be parsed as JSON", TestName = "a form body")]
        [TestCase("", "body could not be parsed as JSON", TestName = "an empty body")]
        [TestCase("{\"end_customer_client_id\":\"a\"} {}", "body could not be parsed as JSON", TestName = "two JSON values")]
        [TestCase("{\"end_customer_client_id\":\"a\",\"end_customer_client_id\":\"b\"}", "body could not be parsed as JSON", TestName = "a duplicated member")]
        [TestCase("[\"abc\"]", "body must be a JSON object", TestName = "a JSON array")]
        [TestCase("\"abc\"", "body must be a JSON object", TestName = "a JSON string")]
        public async Task A_body_that_is_not_one_json_object_gets_invalid_body(string body, string message)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get", body);

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(400));
                Assert.That(response.Json["error_type"]!.ToString(), Is.EqualTo("INVALID_REQUEST"));
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_BODY"));
                Assert.That(response.Json["error_message"]!.ToString(), Is.EqualTo(message));
            });
        }

        [Test]
        public async Task Invalid_utf8_gets_invalid_body()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get",
                new ByteArrayContent(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }));

            Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_BODY"));
        }

        [TestCase("text/plain", "INVALID_BODY")]
        [TestCase("application/x-www-form-urlencoded", "INVALID_BODY")]
        [TestCase(null, "INVALID_HEADERS")]
        public async Task A_body_that_is_not_sent_as_json_is_refused(string? contentType, string errorCode)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{\"end_customer_client_id\":\"a\"}", contentType);

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(400));
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo(errorCode));
            });
        }

        [Test]
        public async Task Json_with_a_charset_parameter_is_accepted()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{\"end_customer_client_id\":\"a\"}", "application/json; charset=utf-8");

            Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("CUSTOMER_NOT_FOUND"));
        }
    }
}
