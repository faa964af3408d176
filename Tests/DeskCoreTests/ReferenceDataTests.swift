import DeskCore
import Foundation
import Testing

@Suite struct ReferenceDataTests {
    @Test func shippedFilesLoadAndValidate() throws {
        let data = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        #expect(data.countries.count == 249)
        #expect(data.countries.filter(\.eu).count == 27)
        #expect(data.urgencies.map(\.urgency) == Urgency.allCases)
    }

    @Test func shippedFilesCoverTheDomain() throws {
        let data = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        let requestTypes: [RequestTypeID] = [
            "preservation", "disclosure_preserved_traffic", "subscriber_info", "traffic_data", "stored_content",
            "domain_registration", "search_seizure", "realtime_traffic", "interception", "testimony",
            "video_conference", "service_of_documents", "documents_records", "examination_objects_sites",
            "temporary_transfer", "asset_freezing", "bank_information", "joint_investigation_team",
            "controlled_delivery", "transfer_of_proceedings", "spontaneous_information", "emergency_disclosure",
        ]
        #expect(Set(data.requestTypes.map(\.id)) == Set(requestTypes))
        let instruments: [InstrumentID] = [
            "budapest", "budapest_2ap", "eio", "e_evidence", "un_model_treaty", "untoc", "un_cybercrime",
            "mlat_us_eu", "bilateral_mlat", "reciprocity", "police_cooperation",
        ]
        #expect(Set(data.instruments.map(\.id)) == Set(instruments))
        let channels: [ChannelID] = [
            "diplomatic", "central_authority", "direct_judicial", "network_24_7", "interpol", "europol_siena",
            "eurojust_ejn", "e_edes", "service_provider", "liaison_magistrate",
        ]
        #expect(Set(data.channels.map(\.id)) == Set(channels))
        #expect(data.refusalGrounds.count == 14)
        #expect(data.offence("other") != nil)
    }

    @Test func lookupsResolveCodes() throws {
        let data = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        let germany = try #require(data.country("DE"))
        #expect(germany.name == "Germany")
        #expect(germany.eu && germany.budapest)
        #expect(data.country("US")?.eu == false)
        #expect(data.country("XX") == nil)
        #expect(data.requestType("subscriber_info")?.category == "data")
        #expect(data.channel("interpol")?.isMLA == false)
        #expect(data.channel("europol_siena")?.isMLA == false)
        #expect(data.channel("central_authority")?.isMLA == true)
        #expect(data.instrument("police_cooperation")?.isMLA == false)
        #expect(data.instrument("budapest")?.isMLA == true)
        #expect(data.instrument("budapest")?.articles.contains { $0.number == "29" } == true)
        #expect(data.offence("csam")?.budapestArticle == "9")
        #expect(data.offence("money_laundering")?.budapestArticle == nil)
        #expect(data.refusalGround("political_offence")?.basis.contains("Art. 27(4)") == true)
        #expect(data.urgency(.emergency)?.label == "Emergency")
    }

    @Test func lookupsFollowEditedLists() throws {
        var data = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        data.channels.append(Channel(id: "courier", label: "Courier", isMLA: true))
        #expect(data.channel("courier")?.label == "Courier")
    }

    @Test func errorDescriptionNamesFileAndKey() {
        let error = ReferenceDataError(
            file: "Data/countries.json", key: "countries[12].code",
            message: "'DEU' is not a two-letter ISO 3166-1 code")
        #expect(error.description == "Data/countries.json: countries[12].code: 'DEU' is not a two-letter ISO 3166-1 code")
        #expect(ReferenceDataError(file: "channels.json", message: "file is missing").description
            == "channels.json: file is missing")
    }
}
