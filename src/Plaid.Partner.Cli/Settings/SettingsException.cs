namespace Plaid.Partner.Cli.Settings
{
    /// <summary>A missing or bad setting: its message is one line that names the setting; the command exits 2.</summary>
    internal sealed class SettingsException : Exception
    {
        public SettingsException(string message)
            : base(message)
        {
        }

        public SettingsException()
        {
        }

        public SettingsException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
