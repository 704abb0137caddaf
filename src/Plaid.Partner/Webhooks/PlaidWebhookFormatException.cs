using System;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// A webhook body that is not a Plaid webhook: not UTF-8 JSON, not an object, without string <c>webhook_type</c> and
    /// <c>webhook_code</c>, or with a member of the wrong type for its model. The message names the problem.
    /// </summary>
    public sealed class PlaidWebhookFormatException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is wrong with the body.</param>
        /// <param name="innerException">The JSON reader's error, if any.</param>
        public PlaidWebhookFormatException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }
    }
}
