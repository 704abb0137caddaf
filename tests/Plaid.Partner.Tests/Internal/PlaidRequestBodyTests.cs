using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    public class PlaidRequestBodyTests
    {
        private static readonly JsonSerializerSettings Settings = Configured();

        [TestCase(0)]
        [TestCase(100_000)]
        public async Task The_body_is_what_JsonConvert_writes_with_the_same_settings_whatever_its_length(int logoLength)
        {
            // A logo makes the body outgrow the first pooled buffer many times over.
            var request = Requests.Create();
            request.Logo = logoLength == 0 ? null : new string('A', logoLength);

            using var content = PlaidRequestBody.Create(request, JsonSerializer.CreateDefault(Settings));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(await content.ReadAsStringAsync(), Is.EqualTo(JsonConvert.SerializeObject(request, Settings)));
                Assert.That(content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
                Assert.That(content.Headers.ContentLength, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(request, Settings))));
            });
        }

        private static JsonSerializerSettings Configured()
        {
            var settings = new JsonSerializerSettings();
            PlaidJson.Configure(settings);
            return settings;
        }
    }
}
