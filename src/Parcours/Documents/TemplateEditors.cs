using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Documents;

/// <summary>
/// Programme coordinators and administrators manage document templates (templates hold no
/// personal data; previews use fictional data). Anybody else is told so (403): the templates
/// are not secret, only not theirs to change.
/// </summary>
public static class TemplateEditors
{
    public static bool Includes(CurrentWorker worker) => worker.Has(Role.ProgrammeCoordinator) || worker.Has(Role.Administrator);

    public static readonly Refusal Only =
        Refusal.Forbidden("Seuls les coordinateurs de dispositif et les administrateurs gèrent les modèles de documents.");

    public static readonly Refusal UnknownCode = Refusal.NotFound() with { Detail = "Aucun modèle de document ne porte ce code." };
}
