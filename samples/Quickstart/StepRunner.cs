using System;
using System.Threading.Tasks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>Runs numbered steps, prints one line per step, and stops at the first failure.</summary>
    internal sealed class StepRunner
    {
        private int _number;

        public int Passed { get; private set; }

        /// <summary>Runs <paramref name="step"/>; it returns the line's detail. Returns false (after printing why) if it failed.</summary>
        public async Task<bool> RunAsync(string title, Func<Task<string>> step)
        {
            _number++;
            Console.Write($"{_number,2}. {title,-46} ");
            try
            {
                var detail = await step();
                Console.WriteLine($"ok    {detail}");
                Passed++;
                return true;
            }
            catch (Exception e)
            {
                Console.WriteLine("FAILED");
                Console.WriteLine($"    {Describe(e)}");
                return false;
            }
        }

        private static string Describe(Exception e) => e switch
        {
            // PlaidApiException messages carry no secret (the client redacts them); show the fields Plaid documents.
            PlaidApiException plaid => $"{(int)plaid.StatusCode} {plaid.ErrorType} {plaid.ErrorCode}: {plaid.ErrorMessage} (request_id {plaid.RequestId})",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
    }
}
