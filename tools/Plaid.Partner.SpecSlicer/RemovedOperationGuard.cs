using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// Refuses a slice that lost an operation the current bundled file has: a partner operation vanishing from Plaid's
    /// file is far more often a wrong input (an old or partial download) than a real removal, and a removal deletes
    /// public API. <c>--accept-removed-operations</c> says it is real.
    /// </summary>
    internal static class RemovedOperationGuard
    {
        public static IReadOnlyList<string> Check(JObject? current, IReadOnlyList<string> sliced, bool acceptRemoved)
        {
            if (current is null)
            {
                return Array.Empty<string>();
            }

            var removed = PartnerSubset.Operations(current["paths"] as JObject).Except(sliced, StringComparer.Ordinal).ToList();
            if (removed.Count > 0 && !acceptRemoved)
            {
                throw new SpecSliceException(
                    $"{removed.Count} partner operation(s) of the current bundled file are missing from the input:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", removed) + Environment.NewLine +
                    "Check that the input is Plaid's complete, current file. If Plaid really removed them, run again with --accept-removed-operations " +
                    "(the public API listing will then show what the library loses).");
            }

            return removed;
        }
    }
}
