using System;
using Microsoft.AspNetCore.Http;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>What a handler may need besides the parsed webhook: the request, the exact body and how it was verified.</summary>
    public sealed class PlaidWebhookContext
    {
        internal PlaidWebhookContext(HttpContext httpContext, string registrationName, ReadOnlyMemory<byte> body, WebhookVerificationResult verification)
        {
            HttpContext = httpContext;
            RegistrationName = registrationName;
            Body = body;
            Verification = verification;
        }

        /// <summary>The webhook request.</summary>
        public HttpContext HttpContext { get; }

        /// <summary>
        /// The name of the <c>AddPlaidPartner</c> / <c>AddPlaidPartnerWebhooks</c> registration whose endpoint received it;
        /// empty for the default registration.
        /// </summary>
        public string RegistrationName { get; }

        /// <summary>The body exactly as received, the bytes the signature covers: store these to keep the webhook verbatim.</summary>
        public ReadOnlyMemory<byte> Body { get; }

        /// <summary>The verification result (the signing key id and when Plaid signed it).</summary>
        public WebhookVerificationResult Verification { get; }
    }
}
