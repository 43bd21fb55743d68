using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Parcours.People.Vault;

/// <summary>The DataProtection key ring, persisted in PostgreSQL rather than a local folder.</summary>
public sealed class DataProtectionKeyDocument
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKeyDocument>().ToListAsync().GetAwaiter().GetResult().Select(d => XElement.Parse(d.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKeyDocument { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // DataProtection's repository contract is synchronous; it writes once per key rotation.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
