using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// A <c>Plaid-Verification</c> JWT taken apart but not yet trusted: every value here is what the sender wrote until
    /// the signature over <see cref="SigningInput"/> has been checked.
    /// </summary>
    /// <remarks>
    /// Header and payload are read with System.Text.Json because it parses strict RFC 8259 JSON (no comments, single
    /// quotes or trailing commas, which Newtonsoft accepts); a repeated member is refused so two readers can never
    /// disagree about which <c>alg</c> or <c>iat</c> counts.
    /// </remarks>
    internal sealed class CompactJws
    {
        /// <summary>The only algorithm Plaid signs webhooks with (Plaid API docs, Webhooks › Webhook verification).</summary>
        public const string RequiredAlgorithm = "ES256";

        private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 16 };

        private CompactJws(string keyId, byte[] signingInput, byte[] signature, long? issuedAt, string? requestBodySha256)
        {
            KeyId = keyId;
            SigningInput = signingInput;
            Signature = signature;
            IssuedAt = issuedAt;
            RequestBodySha256 = requestBodySha256;
        }

        public string KeyId { get; }

        /// <summary>The ASCII bytes of <c>header.payload</c>, which the signature covers.</summary>
        public byte[] SigningInput { get; }

        public byte[] Signature { get; }

        /// <summary>The <c>iat</c> claim in Unix seconds; null when absent or not an integer.</summary>
        public long? IssuedAt { get; }

        /// <summary>The <c>request_body_sha256</c> claim; null when absent or not a string.</summary>
        public string? RequestBodySha256 { get; }

        /// <summary>Takes <paramref name="token"/> apart; returns the failure, or null and the parts.</summary>
        public static WebhookVerificationResult? TryParse(string token, out CompactJws? jws)
        {
            jws = null;
            var firstDot = token.IndexOf('.');
            var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
            if (secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
            {
                return Malformed($"a JWT has exactly 3 dot-separated parts; this one has {CountParts(token)}");
            }

            var headerPart = token.AsSpan(0, firstDot);
            var payloadPart = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
            var signaturePart = token.AsSpan(secondDot + 1);
            if (!TryReadObject(headerPart, "header", out var header, out var failure))
            {
                return failure;
            }

            string? keyId;
            using (header)
            {
                var alg = header!.RootElement.TryGetProperty("alg", out var algElement) && algElement.ValueKind == JsonValueKind.String ? algElement.GetString() : null;
                if (!string.Equals(alg, RequiredAlgorithm, StringComparison.Ordinal))
                {
                    var shown = algElement.ValueKind == JsonValueKind.Undefined ? "missing" : UntrustedText.Quote(alg ?? algElement.GetRawText());
                    return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.AlgorithmNotAllowed, $"the JWT alg must be exactly {RequiredAlgorithm}; it is {shown}");
                }

                // A critical extension we do not implement must not be ignored (RFC 7515 §4.1.11).
                if (header.RootElement.TryGetProperty("crit", out _))
                {
                    return Malformed("the JWT header has a crit member; no JWS extension is understood here");
                }

                keyId = header.RootElement.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;
                if (string.IsNullOrWhiteSpace(keyId))
                {
                    return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.KeyIdMissing, "the JWT header has no kid (a non-empty string naming Plaid's signing key)");
                }
            }

            if (!TryReadObject(payloadPart, "payload", out var payload, out failure))
            {
                return failure;
            }

            long? issuedAt;
            string? bodyHash;
            using (payload)
            {
                var root = payload!.RootElement;
                issuedAt = root.TryGetProperty("iat", out var iat) && iat.ValueKind == JsonValueKind.Number && iat.TryGetInt64(out var seconds) ? seconds : null;
                bodyHash = root.TryGetProperty("request_body_sha256", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;
            }

            if (!StrictBase64Url.TryDecode(signaturePart, out var signature))
            {
                return Malformed("the JWT signature is not base64url");
            }

#if NETSTANDARD2_0
            var signingInput = Encoding.ASCII.GetBytes(token.Substring(0, secondDot));
#else
            var signingInput = Encoding.ASCII.GetBytes(token, 0, secondDot);
#endif
            jws = new CompactJws(keyId!, signingInput, signature, issuedAt, bodyHash);
            return null;
        }

        private static bool TryReadObject(ReadOnlySpan<char> part, string name, out JsonDocument? document, out WebhookVerificationResult? failure)
        {
            document = null;
            failure = null;
            if (part.IsEmpty || !StrictBase64Url.TryDecode(part, out var json))
            {
                failure = Malformed($"the JWT {name} is not base64url");
                return false;
            }

            try
            {
                document = JsonDocument.Parse(json, StrictJson);
            }
            catch (JsonException e)
            {
                failure = Malformed($"the JWT {name} is not JSON (line {e.LineNumber}, byte {e.BytePositionInLine})");
                return false;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                failure = Malformed($"the JWT {name} is JSON but not an object");
                return false;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var memberName = member.Name;
                if (!names.Add(memberName))
                {
                    document.Dispose();
                    failure = Malformed($"the JWT {name} repeats the member {UntrustedText.Quote(memberName)}");
                    return false;
                }
            }

            return true;
        }

        private static int CountParts(string token)
        {
            var parts = 1;
            foreach (var c in token)
            {
                if (c == '.')
                {
                    parts++;
                }
            }

            return parts;
        }

        private static WebhookVerificationResult Malformed(string message) =>
            WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MalformedToken, message);
    }
}
