using System;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// A seed file (<see cref="PlaidPartnerEmulatorOptions.SeedFile"/>, <c>--seed FILE</c>) that cannot be loaded: the
    /// message names the file, the JSON path of the problem and what is wrong there.
    /// </summary>
    public sealed class EmulatorSeedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="file">The seed file.</param>
        /// <param name="jsonPath">Where in it, e.g. <c>$.end_customers[1].status</c>.</param>
        /// <param name="reason">What is wrong there.</param>
        /// <param name="inner">The parser's exception, if any.</param>
        public EmulatorSeedException(string file, string jsonPath, string reason, Exception? inner = null)
            : base($"seed {file}: {jsonPath}: {reason}", inner)
        {
            File = file;
            JsonPath = jsonPath;
            Reason = reason;
        }

        /// <summary>The seed file.</summary>
        public string File { get; }

        /// <summary>Where in it the problem is, as a JSON path from <c>$</c>.</summary>
        public string JsonPath { get; }

        /// <summary>What is wrong there.</summary>
        public string Reason { get; }
    }
}
