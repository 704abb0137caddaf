using System;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    public class RequestValidatorTests
    {
        [Test]
        public void A_type_checked_before_is_checked_the_same_way_again()
        {
            // The per-type plan is built on the first call; later calls must find the same problems.
            var first = Problems(MissingNameAndCurrency());
            var second = Problems(MissingNameAndCurrency());

            Assert.Multiple(() =>
            {
                Assert.That(first, Does.Contain("PartnerCustomerCreateRequest.CompanyName ('company_name') is required"));
                Assert.That(first, Does.Contain("PartnerCustomerCreateRequest.AssetsUnderManagement.IsoCurrencyCode ('iso_currency_code') is required"));
                Assert.That(second, Is.EqualTo(first));
                Assert.That(() => RequestValidator.Validate(Requests.Create(), "request"), Throws.Nothing);
            });
        }

        [Test]
        public void An_empty_string_passes_where_the_spec_allows_it_and_null_does_not()
        {
            var empty = new PartnerCustomerGetRequest { EndCustomerClientId = string.Empty };
            var missing = new PartnerCustomerGetRequest { EndCustomerClientId = null! };

            Assert.Multiple(() =>
            {
                Assert.That(() => RequestValidator.Validate(empty, "request"), Throws.Nothing);
                Assert.That(Problems(missing), Does.Contain("'end_customer_client_id'"));
            });
        }

        private static PartnerCustomerCreateRequest MissingNameAndCurrency()
        {
            var request = Requests.Create();
            request.CompanyName = null!;
            request.AssetsUnderManagement = new PartnerEndCustomerAssetsUnderManagement { Amount = 10, IsoCurrencyCode = null! };
            return request;
        }

        private static string Problems(object request) =>
            Assert.Throws<ArgumentException>(() => RequestValidator.Validate(request, "request"))!.Message;
    }
}
