namespace Plaid.Partner.SpecSlicer
{
    /// <summary>One entry of <c>components</c>: its kind (<c>schemas</c>, <c>responses</c>, …) and its name.</summary>
    internal readonly record struct ComponentKey(string Kind, string Name)
    {
        public override string ToString() => $"#/components/{Kind}/{Name}";
    }
}
