using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ComparatorAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComparatorAreaId",
                table: "Lsoas",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComparatorAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparatorAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AreaPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComparatorAreaId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false),
                    Dwellings = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaPopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaPopulations_ComparatorAreas_ComparatorAreaId",
                        column: x => x.ComparatorAreaId,
                        principalTable: "ComparatorAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipPeers",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    ComparatorAreaId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipPeers", x => new { x.PartnershipId, x.ComparatorAreaId });
                    table.ForeignKey(
                        name: "FK_PartnershipPeers_ComparatorAreas_ComparatorAreaId",
                        column: x => x.ComparatorAreaId,
                        principalTable: "ComparatorAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipPeers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_ComparatorAreaId",
                table: "Lsoas",
                column: "ComparatorAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaPopulations_ComparatorAreaId_Year",
                table: "AreaPopulations",
                columns: new[] { "ComparatorAreaId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComparatorAreas_Name",
                table: "ComparatorAreas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipPeers_ComparatorAreaId",
                table: "PartnershipPeers",
                column: "ComparatorAreaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaPopulations");

            migrationBuilder.DropTable(
                name: "PartnershipPeers");

            migrationBuilder.DropTable(
                name: "ComparatorAreas");

            migrationBuilder.DropIndex(
                name: "IX_Lsoas_ComparatorAreaId",
                table: "Lsoas");

            migrationBuilder.DropColumn(
                name: "ComparatorAreaId",
                table: "Lsoas");
        }
    }
}
