using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>What the test handlers saw, in order, and what they should do (a singleton in the test app).</summary>
    internal sealed class HandlerLog
    {
        private readonly ConcurrentQueue<(string Handler, IPlaidWebhook Webhook, PlaidWebhookContext Context)> _calls = new();

        public IReadOnlyCollection<(string Handler, IPlaidWebhook Webhook, PlaidWebhookContext Context)> Calls => _calls.ToArray();

        /// <summary>Runs inside every test handler after it records the call; throw here to fail it.</summary>
        public Func<CancellationToken, Task>? Behaviour { get; set; }

        public async Task RecordAsync(string handler, IPlaidWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
        {
            _calls.Enqueue((handler, webhook, context));
            if (Behaviour is { } behaviour)
            {
                await behaviour(cancellationToken);
            }
        }
    }

    internal sealed class OAuthStatusHandler(HandlerLog log) : IPlaidWebhookHandler<PartnerEndCustomerOAuthStatusUpdatedWebhook>
    {
        public Task HandleAsync(PartnerEndCustomerOAuthStatusUpdatedWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken) =>
            log.RecordAsync(nameof(OAuthStatusHandler), webhook, context, cancellationToken);
    }

    internal sealed class UnknownWebhookHandler(HandlerLog log) : IPlaidWebhookHandler<UnknownPlaidWebhook>
    {
        public Task HandleAsync(UnknownPlaidWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken) =>
            log.RecordAsync(nameof(UnknownWebhookHandler), webhook, context, cancellationToken);
    }

    /// <summary>One handler for every webhook, through IPlaidWebhookHandler&lt;IPlaidWebhook&gt;.</summary>
    internal sealed class EveryWebhookHandler(HandlerLog log) : IPlaidWebhookHandler<IPlaidWebhook>
    {
        public Task HandleAsync(IPlaidWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken) =>
            log.RecordAsync(nameof(EveryWebhookHandler), webhook, context, cancellationToken);
    }

    internal sealed class NotAHandler
    {
    }
}
