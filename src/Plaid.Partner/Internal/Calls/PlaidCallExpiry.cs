namespace Plaid.Partner.Internal
{
    /// <summary>Which limit, if any, ended a step of a call (<see cref="PlaidCallTimeouts"/>).</summary>
    internal enum PlaidCallExpiry
    {
        /// <summary>No limit: the step ended by itself or the caller cancelled it.</summary>
        None,

        /// <summary><see cref="PlaidPartnerOptions.AttemptTimeout"/>: the attempt failed, and a read may be retried.</summary>
        Attempt,

        /// <summary><see cref="PlaidPartnerOptions.Timeout"/>: the whole call is over.</summary>
        Call,
    }
}
