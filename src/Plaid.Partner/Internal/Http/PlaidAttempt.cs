namespace Plaid.Partner.Internal
{
    /// <summary>
    /// What one attempt of a generated operation answered: the documented response, or a <see cref="PlaidFailure"/>.
    /// Transport failures and cancellation still throw; Plaid's answers never do, so a failed call's one exception is
    /// built and thrown once, where the call ends (<see cref="PlaidCallPipeline"/>).
    /// </summary>
    /// <typeparam name="TResponse">The documented response.</typeparam>
    internal readonly struct PlaidAttempt<TResponse>
        where TResponse : class
    {
        private PlaidAttempt(TResponse? response, PlaidFailure? failure)
        {
            Response = response;
            Failure = failure;
        }

        public TResponse? Response { get; }

        public PlaidFailure? Failure { get; }

        public static implicit operator PlaidAttempt<TResponse>(TResponse response) => new(response, null);

        public static implicit operator PlaidAttempt<TResponse>(PlaidFailure failure) => new(null, failure);
    }
}
