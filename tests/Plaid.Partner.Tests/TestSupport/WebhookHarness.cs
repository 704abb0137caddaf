using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>A verifier over a fake clock and a mock key endpoint that serves one genuine key.</summary>
    internal sealed class WebhookHarness : IDisposable
    {
        public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public WebhookHarness(Action<PlaidWebhookVerifierOptions>? configure = null)
        {
            Time = new FakeTimeProvider(Start);
            Plaid = new MockPlaid(PlaidEnvironment.Production);
            Keys = new MockKeyEndpoint(Plaid);
            Genuine = new TestSigningKey();
            Keys.Serve(Genuine);
            var options = new PlaidWebhookVerifierOptions { TimeProvider = Time };
            configure?.Invoke(options);
            Verifier = new PlaidWebhookVerifier(Plaid.Client, options);
        }

        public FakeTimeProvider Time { get; }

        public MockPlaid Plaid { get; }

        public MockKeyEndpoint Keys { get; }

        public TestSigningKey Genuine { get; }

        public PlaidWebhookVerifier Verifier { get; }

        public DateTimeOffset Now => Time.GetUtcNow();

        /// <summary>A genuine header for <paramref name="body"/> signed now by <paramref name="key"/> (default: the genuine key).</summary>
        public string Sign(byte[] body, TestSigningKey? key = null) => (key ?? Genuine).Sign(body, Now);

        public Task<WebhookVerificationResult> VerifyAsync(byte[] body, string? header) => Verifier.VerifyAsync(body, header);

        public void Dispose()
        {
            Genuine.Dispose();
            Plaid.Dispose();
        }
    }
}
