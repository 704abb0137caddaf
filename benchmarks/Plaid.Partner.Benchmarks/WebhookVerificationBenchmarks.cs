using System;
using System.Buffers.Text;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P2: <see cref="PlaidWebhookVerifier.VerifyAsync"/> with its key already cached, over the irreducible work a
    /// hand-written check does (one ES256 <see cref="ECDsa.VerifyData(byte[], byte[], HashAlgorithmName, DSASignatureFormat)"/>
    /// and the SHA-256 of the body) on the same token and body. Target: Ratio at most 1.3.
    /// </summary>
    [MemoryDiagnoser]
    public class WebhookVerificationBenchmarks
    {
        private static readonly DateTimeOffset SignedAt = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

        private byte[] _body = null!;
        private string _verificationHeader = null!;
        private byte[] _signingInput = null!;
        private byte[] _signature = null!;
        private byte[] _claimedBodyHash = null!;
        private ECDsa _publicKey = null!;
        private HttpClient _http = null!;
        private PlaidWebhookVerifier _verifier = null!;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            // A key generated for this run, never a stored one; the JWT is built the way Plaid signs webhooks.
            using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var keyId = Guid.NewGuid().ToString();
            _body = Encoding.UTF8.GetBytes(PlaidExampleWebhooks.OAuthStatusUpdated);
            _claimedBodyHash = SHA256.HashData(_body);
            var header = $$"""{"alg":"ES256","kid":"{{keyId}}","typ":"JWT"}""";
            var payload = $$"""{"iat":{{SignedAt.ToUnixTimeSeconds()}},"request_body_sha256":"{{Convert.ToHexStringLower(_claimedBodyHash)}}"}""";
            var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
            _signingInput = Encoding.ASCII.GetBytes(signingInput);
            _signature = signingKey.SignData(_signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            _verificationHeader = signingInput + "." + Base64Url.EncodeToString(_signature);

            var q = signingKey.ExportParameters(includePrivateParameters: false).Q;
            _publicKey = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = q });
            var keyResponse = $$"""
                {
                  "key": {
                    "alg": "ES256",
                    "created_at": {{SignedAt.AddDays(-1).ToUnixTimeSeconds()}},
                    "crv": "P-256",
                    "expired_at": null,
                    "kid": "{{keyId}}",
                    "kty": "EC",
                    "use": "sig",
                    "x": "{{Base64Url.EncodeToString(q.X)}}",
                    "y": "{{Base64Url.EncodeToString(q.Y)}}"
                  },
                  "request_id": "RZ6Omi1bzzwDaLo"
                }
                """;
            _http = new HttpClient(new StubPlaidHandler(keyResponse));
            var client = new PlaidPartnerClient(_http, BenchmarkOptions.Production());
            _verifier = new PlaidWebhookVerifier(client, new PlaidWebhookVerifierOptions { TimeProvider = new FakeTimeProvider(SignedAt.AddSeconds(10)) });

            // The first verification fetches and caches the key; every measured one uses the cache.
            var first = await _verifier.VerifyAsync(_body, _verificationHeader);
            BenchmarkOptions.Expect(first.IsVerified, $"the verifier accepts the token ({first.Message})");
            BenchmarkOptions.Expect(RawEcdsaAndSha256(), "the raw check accepts the token");
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _publicKey.Dispose();
            _http.Dispose();
        }

        [Benchmark(Baseline = true, Description = "raw ECDsa.VerifyData + SHA-256")]
        public bool RawEcdsaAndSha256()
        {
            Span<byte> actual = stackalloc byte[32];
            SHA256.HashData(_body, actual);
            return _publicKey.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                && CryptographicOperations.FixedTimeEquals(actual, _claimedBodyHash);
        }

        [Benchmark(Description = "PlaidWebhookVerifier.VerifyAsync (cached key)")]
        public Task<WebhookVerificationResult> Verifier() => _verifier.VerifyAsync(_body, _verificationHeader);
    }
}
