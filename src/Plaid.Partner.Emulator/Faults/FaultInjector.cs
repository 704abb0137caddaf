using System.Collections.Generic;

namespace Plaid.Partner.Emulator.Faults
{
    /// <summary>
    /// The faults injected per Plaid path (or for every path with <see cref="AnyPath"/>). <see cref="Take"/> is atomic,
    /// so a fault limited to N requests catches exactly N, however many arrive at once.
    /// </summary>
    internal sealed class FaultInjector
    {
        public const string AnyPath = "*";

        private readonly object _gate = new();
        private readonly Dictionary<string, (EmulatorFault Fault, int? Remaining)> _faults = new();

        public void Set(string path, EmulatorFault fault)
        {
            lock (_gate)
            {
                _faults[path] = (fault, fault.Count);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _faults.Clear();
            }
        }

        /// <summary>Every fault in effect, with how many requests it still catches (null: all until cleared), by path.</summary>
        public IReadOnlyList<ActiveFault> Snapshot()
        {
            lock (_gate)
            {
                var active = new List<ActiveFault>();
                foreach (var (path, entry) in _faults)
                {
                    active.Add(new ActiveFault(path, entry.Fault, entry.Remaining));
                }

                active.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                return active;
            }
        }

        /// <summary>The fault that catches this request to <paramref name="path"/>, if any; the path's own fault wins over <see cref="AnyPath"/>.</summary>
        public EmulatorFault? Take(string path)
        {
            lock (_gate)
            {
                return TakeFrom(path) ?? TakeFrom(AnyPath);
            }
        }

        private EmulatorFault? TakeFrom(string key)
        {
            if (!_faults.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    _faults.Remove(key);
                }
                else
                {
                    _faults[key] = (entry.Fault, remaining - 1);
                }
            }

            return entry.Fault;
        }
    }
}
