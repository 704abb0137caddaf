using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads every member as optional, whatever the spec requires: for <see cref="PlaidErrorReader"/>, which judges an
    /// error by its code and type itself and keeps what else it finds. Without required members Newtonsoft.Json also
    /// skips its per-object bookkeeping of which were present: reading a Plaid error body went from about 1.6 µs to 1.1 µs
    /// (measured beside a hand-written client; benchmarks/README.md, "a failed call").
    /// </summary>
    internal sealed class NothingRequiredContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            property.Required = Required.Default;
            return property;
        }
    }
}
