using System;
using System.IO;
using System.Threading.Tasks;
using Plaid.Partner.TestSupport;
using PuppeteerSharp;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>
    /// Debian's Chromium, headless, with a new empty profile, driven by PuppeteerSharp; nothing is downloaded. Missing
    /// Chromium skips the test with how to install it on a developer's machine, and fails it in CI, which installs it
    /// (.ci/install-chromium.sh) and sets ExternalDependency.RequireVariable, so a broken page is never hidden there.
    /// </summary>
    internal sealed class HeadlessChromium : IAsyncDisposable
    {
        /// <summary>Set to a Chromium or Chrome binary to use it instead of /usr/bin/chromium.</summary>
        public const string PathVariable = "PLAID_PARTNER_TEST_CHROMIUM";

        private const string DebianPath = "/usr/bin/chromium";

        private readonly DirectoryInfo _profile;

        private HeadlessChromium(IBrowser browser, DirectoryInfo profile)
        {
            Browser = browser;
            _profile = profile;
        }

        public IBrowser Browser { get; }

        public static async Task<HeadlessChromium> LaunchAsync()
        {
            var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } custom ? custom : DebianPath;
            if (!IsExecutable(path))
            {
                ExternalDependency.Missing(
                    $"Chromium is not installed at {path} (no executable file there), and the console page is tested in a real browser",
                    "run 'sudo apt-get install -y chromium' on Debian or Ubuntu (or 'sudo bash .ci/install-chromium.sh', which CI runs); "
                    + $"elsewhere set {PathVariable} to a Chromium or Chrome binary");
            }

            var profile = Directory.CreateTempSubdirectory("plaid-partner-chromium-");
            try
            {
                var browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    UserDataDir = profile.FullName,
                    Args = new[]
                    {
                        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                    },
                });
                return new HeadlessChromium(browser, profile);
            }
            catch
            {
                profile.Delete(recursive: true);
                throw;
            }
        }

        // A regular file with an execute bit: a path that is missing, a folder, or a device (the newcomer check binds
        // /dev/null over it) cannot be started.
        private static bool IsExecutable(string path)
        {
            if (!File.Exists(path) || (File.GetAttributes(path) & FileAttributes.Device) != 0)
            {
                return false;
            }

            if (OperatingSystem.IsWindows())
            {
                return true;
            }

            var target = new FileInfo(path);
            target = target.LinkTarget is null ? target : new FileInfo(target.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
            const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (target.UnixFileMode & Execute) != 0;
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
            try
            {
                _profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; the temp folder is cleaned up with the machine's.
            }
        }
    }
}
