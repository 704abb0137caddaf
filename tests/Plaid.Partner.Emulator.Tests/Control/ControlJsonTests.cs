using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using Plaid.Partner.Emulator.Control;

namespace Plaid.Partner.Emulator.Tests.Control
{
    /// <summary>
    /// Reading a control body is the second line against web pages: even a request that got past
    /// <see cref="ControlRequestGuard"/> is not read unless it says it is JSON.
    /// </summary>
    public class ControlJsonTests
    {
        private const string Body = "{\"end_customer_client_id\":\"abc\",\"status\":\"DENIED\"}";

        [TestCase("text/plain")]
        [TestCase("text/plain; charset=utf-8")]
        [TestCase("application/x-www-form-urlencoded")]
        [TestCase("multipart/form-data; boundary=x")]
        [TestCase("application/json; charset=utf-16")]
        [TestCase(null)]
        public async Task A_body_of_another_type_is_refused_with_415_and_not_read(string? contentType)
        {
            var request = Request(contentType);

            await Assert.ThatAsync(
                async () => await ControlJson.ReadAsync<CustomerStatusCommand>(request),
                Throws.TypeOf<ControlException>()
                    .With.Property(nameof(ControlException.Status)).EqualTo(415)
                    .And.Message.Contains("Content-Type: application/json")
                    .And.Message.Contains(contentType ?? "none"));
            Assert.That(request.Body.Position, Is.Zero, "the body was read");
        }

        [TestCase("application/json")]
        [TestCase("Application/JSON; charset=UTF-8")]
        public async Task A_json_body_is_read(string contentType)
        {
            var command = await ControlJson.ReadAsync<CustomerStatusCommand>(Request(contentType));

            Assert.Multiple(() =>
            {
                Assert.That(command.EndCustomerClientId, Is.EqualTo("abc"));
                Assert.That(command.Status, Is.EqualTo("DENIED"));
            });
        }

        private static HttpRequest Request(string? contentType)
        {
            var context = new DefaultHttpContext();
            context.Request.Method = HttpMethods.Post;
            context.Request.ContentType = contentType;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body));
            return context.Request;
        }
    }
}
