using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer.Tests.TestSupport
{
    /// <summary>Reading and slicing synthetic specs in one line.</summary>
    internal static class Spec
    {
        public static JObject Read(string yaml) => SpecReader.Read(yaml, "the test spec");

        public static SliceResult Slice(string yaml, Overlay? overlay = null) => Slicer.Slice(Read(yaml), overlay);

        public static Overlay Overlay(string yaml) => SpecSlicer.Overlay.Parse(Read(yaml), "the test overlay");

        public static string[] Names(JToken? members) => (members as JObject)?.Properties().Select(p => p.Name).ToArray() ?? System.Array.Empty<string>();
    }
}
