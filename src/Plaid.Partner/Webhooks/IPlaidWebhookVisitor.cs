namespace Plaid.Partner.Webhooks
{
    /// <summary>Work done on a parsed webhook as its own type (the ASP.NET Core endpoint runs that type's handlers).</summary>
    /// <typeparam name="TResult">What the work answers.</typeparam>
    internal interface IPlaidWebhookVisitor<out TResult>
    {
        TResult Visit<TWebhook>(TWebhook webhook)
            where TWebhook : class, IPlaidWebhook;
    }
}
