using System;
using System.Net;
using System.Net.Http;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>A <see cref="PlaidPartnerClient"/> over a MockHttp handler, with test credentials.</summary>
    internal sealed class MockPlaid : IDisposable
    {
        public const string ClientId = "test-partner-client-id";

        // Shaped like a real Plaid secret (30 hex characters) so redaction is tested on something realistic.
        public const string Secret = "0123456789abcdef0123456789abcd";

        public MockPlaid(
            PlaidEnvironment? environment = null,
            Action<PlaidPartnerOptions>? configure = null,
            Microsoft.Extensions.Logging.ILogger<PlaidPartnerClient>? logger = null,
            TimeProvider? timeProvider = null)
        {
            Handler = new MockHttpMessageHandler();
            HttpClient = Handler.ToHttpClient();
            Options = new PlaidPartnerOptions { ClientId = ClientId, Secret = Secret, Environment = environment ?? PlaidEnvironment.Sandbox };

            // Unit tests of one response each; retries have their own tests (PlaidRetryTests).
            Options.Retry.MaxRetryAttempts = 0;
            configure?.Invoke(Options);
            Client = new PlaidPartnerClient(HttpClient, Options, logger, timeProvider);
        }

        public MockHttpMessageHandler Handler { get; }

        public HttpClient HttpClient { get; }

        public PlaidPartnerOptions Options { get; }

        public PlaidPartnerClient Client { get; }

        public static string Url(PlaidEnvironment environment, string path) => new Uri(environment.BaseAddress, path.TrimStart('/')).AbsoluteUri;

        /// <summary>Answers every POST to <paramref name="path"/> with <paramref name="status"/> and <paramref name="body"/>.</summary>
        public MockedRequest Respond(string path, HttpStatusCode status, string body, string mediaType = "application/json") =>
            Handler.When(HttpMethod.Post, Url(Options.Environment, path)).Respond(status, mediaType, body);

        /// <summary>Records the request (with its body read) and answers with <paramref name="body"/>.</summary>
        public CapturedRequest Capture(string path, string body)
        {
            var captured = new CapturedRequest();
            Handler.When(Url(Options.Environment, path)).Respond(async request =>
            {
                captured.Request = request;
                captured.Body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            });
            return captured;
        }

        public void Dispose()
        {
            HttpClient.Dispose();
            Handler.Dispose();
        }

        internal sealed class CapturedRequest
        {
            public HttpRequestMessage? Request { get; set; }

            public string? Body { get; set; }
        }
    }
}
