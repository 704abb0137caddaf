namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// A form that the console's script sends as JSON to a control endpoint (<c>data-method</c>, <c>data-path</c>),
    /// with the page's token. Its controls sit in a fieldset that is disabled until the script runs: without
    /// JavaScript the form cannot be sent at all (the page's Content-Security-Policy also has <c>form-action 'none'</c>),
    /// since a plain form post is exactly the cross-origin "simple" request the control endpoints refuse.
    /// </summary>
    internal static class ControlForm
    {
        public const string Close = "</fieldset></form>";

        /// <param name="method">POST, PUT or DELETE.</param>
        /// <param name="path">The control endpoint, e.g. <c>/__emulator/customers/status</c>.</param>
        /// <param name="legend">Names the form for assistive technology; shown only when <paramref name="showLegend"/>.</param>
        /// <param name="done">What the page says after the endpoint accepted it (escaped here).</param>
        /// <param name="showLegend">Whether the legend is visible.</param>
        public static string Open(string method, string path, string legend, string done, bool showLegend = false) =>
            $"<form class=\"control\" data-method=\"{Html.Text(method)}\" data-path=\"{Html.Text(path)}\" data-done=\"{Html.Text(done)}\">"
            + $"<fieldset class=\"js-only\" disabled><legend{(showLegend ? string.Empty : " class=\"visually-hidden\"")}>{Html.Text(legend)}</legend>";
    }
}
