using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NeighbourhoodPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NeighbourhoodPanels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WardList = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PolicingTeam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeighbourhoodPanels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeighbourhoodPanels_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMeetings_NeighbourhoodPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "NeighbourhoodPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelId = table.Column<int>(type: "integer", nullable: false),
                    RaisedAtId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Ward = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RouteBodyId = table.Column<int>(type: "integer", nullable: true),
                    RouteContactId = table.Column<int>(type: "integer", nullable: true),
                    Marking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportBack = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedBackAtId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelPriorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelPriorities_Bodies_RouteBodyId",
                        column: x => x.RouteBodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelPriorities_NeighbourhoodPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "NeighbourhoodPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelPriorities_PanelMeetings_RaisedAtId",
                        column: x => x.RaisedAtId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelPriorities_PanelMeetings_ReportedBackAtId",
                        column: x => x.ReportedBackAtId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelPriorities_People_RouteContactId",
                        column: x => x.RouteContactId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PanelActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PriorityId = table.Column<int>(type: "integer", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TakenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelActions_PanelPriorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "PanelPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NeighbourhoodPanels_PartnershipId_Name",
                table: "NeighbourhoodPanels",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelActions_PriorityId",
                table: "PanelActions",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_PanelId_HeldOn",
                table: "PanelMeetings",
                columns: new[] { "PanelId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelPriorities_PanelId",
                table: "PanelPriorities",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPriorities_RaisedAtId",
                table: "PanelPriorities",
                column: "RaisedAtId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPriorities_ReportedBackAtId",
                table: "PanelPriorities",
                column: "ReportedBackAtId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPriorities_RouteBodyId",
                table: "PanelPriorities",
                column: "RouteBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPriorities_RouteContactId",
                table: "PanelPriorities",
                column: "RouteContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelActions");

            migrationBuilder.DropTable(
                name: "PanelPriorities");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropTable(
                name: "NeighbourhoodPanels");
        }
    }
}
