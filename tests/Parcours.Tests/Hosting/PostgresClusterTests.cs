using Npgsql;
using Parcours.Hosting;

namespace Parcours.Tests.Hosting;

public sealed class PostgresClusterTests : IDisposable
{
    private readonly string _folder = Path.Combine("/tmp/parcours-tests", $"{Environment.ProcessId}-persist-{Guid.NewGuid():N}"[..30]);

    [Fact]
    public async Task the_embedded_cluster_keeps_its_data_between_runs()
    {
        var first = PostgresCluster.For(_folder);
        await first.StartAsync(throwaway: false);
        await first.EnsureDatabaseAsync("parcours");
        await Execute(first, "create table kept (value text); insert into kept values ('entre deux démarrages')");
        first.Stop();

        var second = PostgresCluster.For(_folder);
        await second.StartAsync(throwaway: false);
        await using var connection = new NpgsqlConnection(second.OwnerConnectionString("parcours"));
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("select value from kept", connection);
        Assert.Equal("entre deux démarrages", await read.ExecuteScalarAsync());
    }

    [Fact]
    public void without_server_binaries_the_start_names_the_package_to_install_in_french_and_english()
    {
        var empty = Directory.CreateTempSubdirectory("parcours-no-pg").FullName;
        try
        {
            Assert.Null(PostgresCluster.FindBinaries(empty, Path.Combine(empty, "nothing-here")));
            var message = new PostgresBinariesMissingException().Message;
            Assert.Contains("installez le paquet « postgresql »", message);
            Assert.Contains("install the 'postgresql' package", message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void server_binaries_are_found_on_the_path_first_then_in_the_newest_debian_folder()
    {
        var root = Directory.CreateTempSubdirectory("parcours-pg-bins").FullName;
        try
        {
            string Bin(string dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "initdb"), "");
                File.WriteAllText(Path.Combine(dir, "pg_ctl"), "");
                return dir;
            }
            var debian = Path.Combine(root, "lib");
            Bin(Path.Combine(debian, "13", "bin"));
            var newest = Bin(Path.Combine(debian, "15", "bin"));
            var onPath = Bin(Path.Combine(root, "path-bin"));

            Assert.Equal(newest, PostgresCluster.FindBinaries(Path.Combine(root, "elsewhere"), debian));
            Assert.Equal(onPath, PostgresCluster.FindBinaries($"{root}/elsewhere:{onPath}", debian));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task Execute(PostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.OwnerConnectionString("parcours"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) PostgresCluster.For(_folder).Destroy();
    }
}
