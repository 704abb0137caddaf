using System;
using Microsoft.AspNetCore.Http;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>What a handler may need besides the parsed webhook: the request, the exact body and who signed it when.</summary>
    public sealed class PlaidWebhookContext
    {
        /// <summary>
        /// Creates a context. The endpoint builds one per verified delivery; a handler's unit test can build its own, e.g.
        /// <c>new PlaidWebhookContext(new DefaultHttpContext(), body, "kid", DateTimeOffset.UtcNow)</c>.
        /// </summary>
        /// <param name="httpContext">The webhook request.</param>
        /// <param name="body">The body exactly as received.</param>
        /// <param name="keyId">The <c>kid</c> of the Plaid key that signed it.</param>
        /// <param name="issuedAt">When Plaid signed it (the token's <c>iat</c>).</param>
        /// <param name="registrationName">The registration's name; empty for the default one.</param>
        /// <exception cref="ArgumentNullException"><paramref name="httpContext"/>, <paramref name="keyId"/> or <paramref name="registrationName"/> is null.</exception>
        public PlaidWebhookContext(HttpContext httpContext, ReadOnlyMemory<byte> body, string keyId, DateTimeOffset issuedAt, string registrationName = "")
        {
            HttpContext = httpContext ?? throw new ArgumentNullException(nameof(httpContext));
            Body = body;
            KeyId = keyId ?? throw new ArgumentNullException(nameof(keyId));
            IssuedAt = issuedAt;
            RegistrationName = registrationName ?? throw new ArgumentNullException(nameof(registrationName));
        }

        /// <summary>The webhook request.</summary>
        public HttpContext HttpContext { get; }

        /// <summary>The body exactly as received, the bytes the signature covers: store these to keep the webhook verbatim.</summary>
        public ReadOnlyMemory<byte> Body { get; }

        /// <summary>The <c>kid</c> of the Plaid key that signed the delivery.</summary>
        public string KeyId { get; }

        /// <summary>When Plaid signed the delivery (the <c>iat</c> claim).</summary>
        public DateTimeOffset IssuedAt { get; }

        /// <summary>
        /// The name of the <c>AddPlaidPartner</c> / <c>AddPlaidPartnerWebhooks</c> registration whose endpoint received it;
        /// empty for the default registration.
        /// </summary>
        public string RegistrationName { get; }
    }
}
