using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Plain HTTP to the emulator, for requests the typed client would never send.</summary>
    internal static class RawPlaid
    {
        private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });

        public static Task<RawResponse> PostAsync(PlaidPartnerEmulator emulator, string path, string? body, string? contentType = "application/json", string? clientId = "(emulator)",
            string? secret = "(emulator)")
        {
            var content = body is null ? null : new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            return PostAsync(emulator, path, content, contentType, clientId, secret);
        }

        public static async Task<RawResponse> PostAsync(PlaidPartnerEmulator emulator, string path, HttpContent? content, string? contentType = "application/json", string? clientId = "(emulator)",
            string? secret = "(emulator)")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, path.TrimStart('/'))) { Content = content };
            if (content is not null && contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (clientId is not null)
            {
                request.Headers.TryAddWithoutValidation("PLAID-CLIENT-ID", clientId == "(emulator)" ? emulator.ClientId : clientId);
            }

            if (secret is not null)
            {
                request.Headers.TryAddWithoutValidation("PLAID-SECRET", secret == "(emulator)" ? emulator.Secret : secret);
            }

            request.Headers.TryAddWithoutValidation("Plaid-Version", "2020-09-14");
            return await SendAsync(request);
        }

        public static async Task<RawResponse> SendAsync(HttpRequestMessage request)
        {
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new RawResponse((int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta);
        }
    }

    internal sealed record RawResponse(int Status, string Text, string? MediaType, TimeSpan? RetryAfter)
    {
        public JObject Json => JObject.Parse(Text);
    }
}
