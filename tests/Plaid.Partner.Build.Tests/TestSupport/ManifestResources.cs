using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Plaid.Partner.Build.Tests.TestSupport
{
    /// <summary>The resources embedded in an assembly file, read from its metadata without loading it.</summary>
    internal static class ManifestResources
    {
        public static Dictionary<string, byte[]> Read(string assemblyPath)
        {
            using var file = File.OpenRead(assemblyPath);
            using var pe = new PEReader(file);
            var metadata = pe.GetMetadataReader();
            var section = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var resources = new Dictionary<string, byte[]>();
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil)
                {
                    continue; // kept in another file, not embedded
                }

                // Each embedded resource is a 4-byte length followed by its bytes, at its offset in the resources section.
                var reader = section.GetReader((int)resource.Offset, section.Length - (int)resource.Offset);
                resources[metadata.GetString(resource.Name)] = reader.ReadBytes(reader.ReadInt32());
            }

            return resources;
        }
    }
}
