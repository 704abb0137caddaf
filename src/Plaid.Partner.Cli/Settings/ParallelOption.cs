namespace Plaid.Partner.Cli.Settings
{
    /// <summary>--parallel N: how many customers a batch command handles at once, 1 to 16 (4 unless told).</summary>
    internal static class ParallelOption
    {
        public static Option<int> Create(string description)
        {
            var option = new Option<int>("--parallel") { Description = $"{description} (1-16).", HelpName = "N", DefaultValueFactory = _ => 4 };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() is < 1 or > 16)
                {
                    r.AddError("--parallel must be between 1 and 16.");
                }
            });
            return option;
        }
    }
}
