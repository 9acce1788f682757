using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CrimeCountsOneRowPerLsoaMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row per force, month and LSOA holding every crime type's count and outcome as text, in place of one
            // row per type and another per type and outcome: an import writes a fifth as many rows. The table is built
            // by hand as WITHOUT ROWID, clustered on its key, which EF Core cannot declare (a later migration that makes
            // EF rebuild it would drop that, costing only import speed). Every count and outcome is carried over.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_CrimeCounts" (
                    "ForceId" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "LsoaId" INTEGER NOT NULL,
                    "Counts" TEXT NOT NULL,
                    "Outcomes" TEXT NULL,
                    CONSTRAINT "PK_CrimeCounts" PRIMARY KEY ("ForceId", "Month", "LsoaId")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_CrimeCounts" ("ForceId", "Month", "LsoaId", "Counts", "Outcomes")
                SELECT c."ForceId", c."Month", c."LsoaId",
                    group_concat(c."CrimeTypeId" || ':' || c."Count", ','),
                    (SELECT group_concat(o."CrimeTypeId" || '.' || o."OutcomeId" || ':' || o."Count", ',')
                     FROM "CrimeOutcomeCounts" AS o
                     WHERE o."ForceId" = c."ForceId" AND o."Month" = c."Month" AND o."LsoaId" = c."LsoaId" AND o."OutcomeId" <> 0)
                FROM "CrimeCounts" AS c
                GROUP BY c."ForceId", c."Month", c."LsoaId";
                """);
            migrationBuilder.DropTable(name: "CrimeCounts");
            migrationBuilder.DropTable(name: "CrimeOutcomeCounts");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_CrimeCounts" RENAME TO "CrimeCounts";""");
            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_CrimeCounts",
                table: "CrimeCounts");

            migrationBuilder.DropIndex(
                name: "IX_CrimeCounts_LsoaId_Month",
                table: "CrimeCounts");

            migrationBuilder.DropColumn(
                name: "Counts",
                table: "CrimeCounts");

            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "CrimeCounts");

            migrationBuilder.AddColumn<short>(
                name: "CrimeTypeId",
                table: "CrimeCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "CrimeCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_CrimeCounts",
                table: "CrimeCounts",
                columns: new[] { "ForceId", "Month", "LsoaId", "CrimeTypeId" });

            migrationBuilder.CreateTable(
                name: "CrimeOutcomeCounts",
                columns: table => new
                {
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LsoaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: false),
                    OutcomeId = table.Column<short>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeOutcomeCounts", x => new { x.ForceId, x.Month, x.LsoaId, x.CrimeTypeId, x.OutcomeId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month_CrimeTypeId",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month", "CrimeTypeId" });
        }
    }
}
