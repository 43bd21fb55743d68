using JasperFx;
using Parcours.Hosting;

var builder = WebApplication.CreateBuilder(args);
string connectionString;
try
{
    connectionString = builder.UseParcoursDatabase();
}
catch (PostgresBinariesMissingException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 1;
}
builder.AddParcours(connectionString);

var app = builder.Build();
app.UseParcours();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Parcours est prêt / Parcours is ready: {string.Join(", ", app.Urls)}"));

return await app.RunJasperFxCommands(args);

public partial class Program;
