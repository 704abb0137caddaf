using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Plaid.Partner.Tests.Internal
{
    public class ExtensibleEnumJsonConverterTests
    {
        [Test]
        public void A_status_the_spec_does_not_know_deserializes_and_keeps_its_raw_value()
        {
            var customer = JsonConvert.DeserializeObject<PartnerEndCustomer>("{\"status\":\"SUSPENDED\"}")!;

            Assert.Multiple(() =>
            {
                Assert.That(customer.Status!.Value.ToString(), Is.EqualTo("SUSPENDED"));
                Assert.That(customer.Status.Value.IsKnown, Is.False);
                Assert.That(customer.Status, Is.Not.EqualTo(PartnerEndCustomerStatus.Active));
            });
        }

        [Test]
        public void Unknown_products_in_a_list_survive_a_round_trip()
        {
            var products = JsonConvert.DeserializeObject<System.Collections.Generic.List<Products>>("[\"auth\",\"teleportation\"]")!;

            var json = JsonConvert.SerializeObject(products);

            Assert.Multiple(() =>
            {
                Assert.That(products[0], Is.EqualTo(Products.Auth));
                Assert.That(products[1].ToString(), Is.EqualTo("teleportation"));
                Assert.That(json, Is.EqualTo("[\"auth\",\"teleportation\"]"));
            });
        }

        [Test]
        public void Known_values_compare_equal_to_the_parsed_ones_and_are_listed()
        {
            var parsed = JsonConvert.DeserializeObject<PartnerEndCustomerOAuthInstitutionEnvironments>("{\"production\":\"ATTENTION_REQUIRED\"}")!;

            Assert.Multiple(() =>
            {
                Assert.That(parsed.Production, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired));
                Assert.That(parsed.Production!.Value.IsKnown, Is.True);
                Assert.That(
                    PartnerEndCustomerOAuthInstitutionApplicationStatus.KnownValues.Select(v => v.ToString()),
                    Is.EqualTo(new[] { "NOT_STARTED", "PROCESSING", "APPROVED", "ENABLED", "ATTENTION_REQUIRED" }));
                Assert.That(PartnerEndCustomerOAuthStatusUpdatedValues.AttentionRequired.ToString(), Is.EqualTo("attention-required"));
            });
        }

        [Test]
        public void A_null_value_of_an_optional_enum_reads_as_null()
        {
            var customer = JsonConvert.DeserializeObject<PartnerEndCustomer>("{\"status\":null}")!;

            Assert.That(customer.Status, Is.Null);
        }

        [TestCase("{\"status\":5}")]
        [TestCase("{\"status\":{}}")]
        [TestCase("{\"status\":[]}")]
        public void A_non_string_value_is_a_serialization_error_naming_the_type(string json)
        {
            var exception = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<PartnerEndCustomer>(json));

            Assert.That(exception!.Message, Does.Contain("PartnerEndCustomerStatus"));
        }

        [Test]
        public void Values_are_case_sensitive_like_plaids()
        {
            Assert.That(new PartnerEndCustomerStatus("active"), Is.Not.EqualTo(PartnerEndCustomerStatus.Active));
            Assert.That(new PartnerEndCustomerStatus("ACTIVE") == PartnerEndCustomerStatus.Active, Is.True);
        }
    }
}
