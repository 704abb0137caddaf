using System;
using System.Collections.Generic;

namespace Plaid.Partner.Internal
{
    /// <summary>Helpers the generated extensible enums call, kept out of the template so they are written once.</summary>
    internal static class ExtensibleEnum
    {
        public static bool IsKnown<T>(T value, IReadOnlyList<T> knownValues)
            where T : IEquatable<T>
        {
            for (var i = 0; i < knownValues.Count; i++)
            {
                if (knownValues[i].Equals(value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
