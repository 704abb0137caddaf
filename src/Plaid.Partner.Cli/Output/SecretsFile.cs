using System.Text.Json;
using Plaid.Partner.Cli.Settings;

namespace Plaid.Partner.Cli.Output
{
    /// <summary>
    /// Where end customers' secrets go (--secrets-out): one JSON line per end customer, appended, in a file only its
    /// owner may read or write (created 0600 on Unix). Plaid returns the secrets once, to the create or enable call, and
    /// neither the ledger nor any output of this tool keeps them.
    /// </summary>
    internal sealed class SecretsFile : IDisposable
    {
        private readonly StreamWriter _writer;

        private SecretsFile(StreamWriter writer, string path)
        {
            _writer = writer;
            Path = path;
        }

        public string Path { get; }

        public static SecretsFile Open(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                var stream = new FileStream(full, options);
                if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                {
                    stream.Dispose();
                    throw new SettingsException($"--secrets-out: '{full}' may be read or written by other users; make it owner-only (chmod 600) or name a new file.");
                }

                return new SecretsFile(new StreamWriter(stream) { AutoFlush = true }, full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SettingsException($"--secrets-out: '{full}' cannot be written: {e.Message}");
            }
        }

        /// <summary>Appends one end customer's secrets, flushed at once so a crash right after does not lose them.</summary>
        public void Write(string reference, string? clientId, PartnerEndCustomerSecrets secrets)
        {
            var line = JsonSerializer.Serialize(new SecretsLine(reference, clientId, secrets.Sandbox, secrets.Production), SecretsLine.Options);
            lock (_writer)
            {
                _writer.WriteLine(line);
            }
        }

        public void Dispose() => _writer.Dispose();

        private sealed record SecretsLine(string Reference, string? ClientId, string? Sandbox, string? Production)
        {
            public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        }
    }
}
