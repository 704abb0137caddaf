namespace Plaid.Partner.Emulator
{
    /// <summary>Where an <see cref="EmulatorWebhookDelivery"/> stands.</summary>
    public enum EmulatorWebhookDeliveryState
    {
        /// <summary>Not yet answered 2xx; another attempt is due (or the first is queued).</summary>
        Pending,

        /// <summary>A receiver answered 2xx; no more attempts.</summary>
        Delivered,

        /// <summary>No more attempts: the retry window ended, the receiver refused too many webhooks, the URL was unset, or the emulator stopped.</summary>
        GivenUp,

        /// <summary>Held back by <see cref="PlaidPartnerEmulator.HoldNextWebhookAsync"/>; sent after the next webhook.</summary>
        Held,
    }
}
