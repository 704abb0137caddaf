using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Emulator.Clock
{
    /// <summary>
    /// The emulator's time: the configured <see cref="TimeProvider"/> plus however far the emulator has been advanced.
    /// Every timer the emulator sets (webhook retries, answer timeouts, OAuth schedules) is made here, so it fires when
    /// its time comes, whether the time comes by itself (the system clock passes, or a test advances its own
    /// FakeTimeProvider) or by <see cref="AdvanceAsync"/>, which fires what is due in order, one moment at a time.
    /// </summary>
    internal sealed class EmulatorClock : TimeProvider, IDisposable
    {
        private readonly object _gate = new();
        private readonly TimeProvider _source;
        private readonly SortedSet<ClockTimer> _due = new(ClockTimer.ByDueThenOrder);
        private readonly SemaphoreSlim _advancing = new(1, 1);
        private readonly ITimer _wake;
        private TimeSpan _offset;
        private long _order;
        private bool _disposed;

        public EmulatorClock(TimeProvider source)
        {
            _source = source;
            _wake = source.CreateTimer(_ => FireDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        /// <summary>How far <see cref="AdvanceAsync"/> has moved this clock ahead of its source.</summary>
        public TimeSpan Offset
        {
            get
            {
                lock (_gate)
                {
                    return _offset;
                }
            }
        }

        /// <summary>Waited for before each moment <see cref="AdvanceAsync"/> moves to, so work started by one timer finishes before the next fires.</summary>
        public Func<Task>? Settle { get; set; }

        public override TimeZoneInfo LocalTimeZone => _source.LocalTimeZone;

        public override long TimestampFrequency => _source.TimestampFrequency;

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate)
            {
                return _source.GetUtcNow() + _offset;
            }
        }

        // Stopwatch-style timestamps include the offset too, so elapsed times measured across an advance see it.
        public override long GetTimestamp()
        {
            lock (_gate)
            {
                return _source.GetTimestamp() + (long)(_offset.Ticks * (_source.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ArgumentNullException.ThrowIfNull(callback);
            var timer = new ClockTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>
        /// Moves the clock <paramref name="by"/> forward. Each timer due on the way fires at its own time, in order
        /// (the clock reads that time while it fires), and the work it starts settles before the clock moves on.
        /// </summary>
        public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default)
        {
            if (by < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(by), by, "The emulator's clock only moves forward.");
            }

            await _advancing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var target = GetUtcNow() + by;
                while (true)
                {
                    await SettleAsync().ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    lock (_gate)
                    {
                        var now = _source.GetUtcNow() + _offset;
                        var next = _due.Count > 0 ? _due.Min!.DueAt : DateTimeOffset.MaxValue;
                        var step = next <= target ? next : target;
                        if (step > now)
                        {
                            _offset += step - now;
                        }

                        if (next > target)
                        {
                            break;
                        }
                    }

                    FireDue();
                }

                FireDue();
                await SettleAsync().ConfigureAwait(false);
            }
            finally
            {
                _advancing.Release();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _due.Clear();
            }

            _wake.Dispose();
            _advancing.Dispose();
        }

        private Task SettleAsync() => Settle?.Invoke() ?? Task.CompletedTask;

        /// <summary>Fires every timer due now, earliest first, then sets the source's timer for the next one.</summary>
        private void FireDue()
        {
            while (true)
            {
                ClockTimer? timer;
                lock (_gate)
                {
                    var now = _source.GetUtcNow() + _offset;
                    timer = _due.Count > 0 && _due.Min!.DueAt <= now ? _due.Min : null;
                    if (timer is null)
                    {
                        RearmWake(now);
                        return;
                    }

                    _due.Remove(timer);
                    timer.Rescheduled(now, ++_order);
                    if (timer.DueAt != DateTimeOffset.MaxValue)
                    {
                        _due.Add(timer);
                    }
                }

                timer.Fire();
            }
        }

        private void RearmWake(DateTimeOffset now)
        {
            if (_disposed)
            {
                return;
            }

            var wait = _due.Count == 0 ? Timeout.InfiniteTimeSpan : _due.Min!.DueAt - now;
            if (wait != Timeout.InfiniteTimeSpan && wait <= TimeSpan.Zero)
            {
                // Never from under the lock: a source timer due at once may fire on this very thread (FakeTimeProvider does).
                _wake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                ThreadPool.UnsafeQueueUserWorkItem(_ => FireDue(), null);
                return;
            }

            _wake.Change(wait, Timeout.InfiniteTimeSpan);
        }

        private void Schedule(ClockTimer timer, TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _due.Remove(timer);
                if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
                {
                    timer.Set(DateTimeOffset.MaxValue, Timeout.InfiniteTimeSpan, 0);
                    return;
                }

                var now = _source.GetUtcNow() + _offset;
                timer.Set(now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime), period, ++_order);
                _due.Add(timer);
                RearmWake(now);
            }
        }

        private void Cancel(ClockTimer timer)
        {
            lock (_gate)
            {
                _due.Remove(timer);
                timer.Set(DateTimeOffset.MaxValue, Timeout.InfiniteTimeSpan, 0);
            }
        }

        /// <summary>A timer on the emulator's clock; ordered by due time, then by when it was set.</summary>
        private sealed class ClockTimer : ITimer
        {
            public static readonly IComparer<ClockTimer> ByDueThenOrder = Comparer<ClockTimer>.Create((a, b) =>
            {
                var byDue = a.DueAt.CompareTo(b.DueAt);
                return byDue != 0 ? byDue : a._order.CompareTo(b._order);
            });

            private readonly EmulatorClock _clock;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private TimeSpan _period = Timeout.InfiniteTimeSpan;
            private long _order;

            public ClockTimer(EmulatorClock clock, TimerCallback callback, object? state)
            {
                _clock = clock;
                _callback = callback;
                _state = state;
            }

            public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _clock.Schedule(this, dueTime, period);
                return true;
            }

            public void Dispose() => _clock.Cancel(this);

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }

            /// <summary>Under the clock's lock.</summary>
            public void Set(DateTimeOffset dueAt, TimeSpan period, long order)
            {
                DueAt = dueAt;
                _period = period;
                _order = order;
            }

            /// <summary>Under the clock's lock, as it fires: a periodic timer comes due again, a one-shot one never.</summary>
            public void Rescheduled(DateTimeOffset now, long order)
            {
                DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? DateTimeOffset.MaxValue : now + _period;
                _order = order;
            }

            public void Fire() => _callback(_state);
        }
    }
}
