using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// A <see cref="FakeTimeProvider"/> that reports every timer the code under test arms (a retry wait, an attempt
    /// timeout), so a test can advance fake time exactly when the code is waiting: no real waits, no races.
    /// </summary>
    internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), _armed.Writer);
            timer.Report(dueTime);
            return timer;
        }

        /// <summary>Waits until a timer is armed for <paramref name="dueTime"/> (ignoring others), then advances past it.</summary>
        public async Task AdvanceWhenArmedAsync(TimeSpan dueTime)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await _armed.Reader.ReadAsync(guard.Token) != dueTime)
            {
            }

            Advance(dueTime);
        }

        /// <summary>Waits until a timer is armed for <paramref name="dueTime"/> without advancing.</summary>
        public async Task WaitUntilArmedAsync(TimeSpan dueTime)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await _armed.Reader.ReadAsync(guard.Token) != dueTime)
            {
            }
        }

        private sealed class WatchedTimer : ITimer
        {
            private readonly ITimer _inner;
            private readonly ChannelWriter<TimeSpan> _armed;

            public WatchedTimer(ITimer inner, ChannelWriter<TimeSpan> armed)
            {
                _inner = inner;
                _armed = armed;
            }

            public void Report(TimeSpan dueTime)
            {
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    _armed.TryWrite(dueTime);
                }
            }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                var changed = _inner.Change(dueTime, period);
                Report(dueTime);
                return changed;
            }

            public void Dispose() => _inner.Dispose();

            public ValueTask DisposeAsync() => _inner.DisposeAsync();
        }
    }
}
