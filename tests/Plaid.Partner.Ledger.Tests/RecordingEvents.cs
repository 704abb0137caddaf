using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>Keeps every event the ledger raises, in order.</summary>
    public sealed class RecordingEvents : IEndCustomerEvents
    {
        private readonly ConcurrentQueue<EndCustomerEvent> _events = new();

        public IReadOnlyList<EndCustomerEvent> All => _events.ToArray();

        public IReadOnlyList<EndCustomerEvent> Of(EndCustomerEventKind kind) => _events.Where(e => e.Kind == kind).ToArray();

        public void Clear() => _events.Clear();

        public Task OnChangedAsync(EndCustomerEvent change, CancellationToken cancellationToken)
        {
            _events.Enqueue(change);
            return Task.CompletedTask;
        }
    }
}
