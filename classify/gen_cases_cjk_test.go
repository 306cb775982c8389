package classify

// Own fixtures: statements of TTC, CCSA and TTA in their charsets (Shift_JIS, GBK,
// EUC-KR), with bilingual or local labels.

func init() {
	addCase("ttc-shift-jis-bilingual", func() ([]byte, expect) {
		date := rfcDate(2026, 4, 13, 10, 0, 9)
		text := `IETF NETMOD WG 議長各位

TTC アクセス網専門委員会の鈴木です。
下記のリエゾン文書をお送りします。

------------------------------------------------------------
タイトル（Title）：YANG modules for optical transport equipment inventory
発信元（From）：TTC Access Network Working Group
宛先（To）：IETF NETMOD WG
目的（Purpose）：For action
回答期限（Deadline）：2026年5月29日
文書番号（Reference）：TTC-LS-2026-011
連絡先（Contact）：鈴木 健太 <kenta.suzuki@example.com>
------------------------------------------------------------

１．背景
TTC では光伝送装置のインベントリ管理に IETF の YANG モジュールを
利用することを検討しています。

２．依頼事項
既存のハードウェア管理モジュールの拡張方針についてご意見を
2026年5月29日までにいただけますと幸いです。

鈴木 健太
kenta.suzuki@example.com
`
		msg := rawMessage(append(envelope("statements@example.org", "kenta.suzuki@example.com", "mail.example.com", "192.0.2.220", date, "Ll3Mm4Nn5Oo6"),
			hdr{"From", ew("鈴木 健太", "iso-2022-jp") + " <kenta.suzuki@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("【TTC】リエゾン文書：光伝送装置インベントリの YANG モジュール", "iso-2022-jp")},
			hdr{"Date", date},
			hdr{"Message-ID", "<ttc-ls-2026-011@example.com>"},
		), textPart(text, "plain", "shift_jis", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("YANG modules for optical transport equipment inventory"), From: []string{"TTC"},
			FromContacts: []string{"kenta.suzuki@example.com"}, To: []string{"IETF NETMOD WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-05-29"), OtherIdentifiers: []string{"TTC-LS-2026-011"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"NETMOD"}}
	})
	addCase("ccsa-gbk-chinese-labels", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 14, 16, 30, 8)
		text := `尊敬的 IETF DetNet 工作组主席：

您好！中国通信标准化协会（CCSA）TC3 审议通过了如下联络函，请审阅。

标题：Requirements for deterministic networking in industrial wide-area networks
来源：CCSA TC3
致：IETF DetNet WG
目的：For action
回复期限：2026年7月31日
文号：TC3-LS-2026-15
联系人：李明 <ming.li@example.com>

请于 2026年7月31日 前回复。

此致
敬礼！

李明
CCSA TC3 WG2
`
		msg := rawMessage(append(envelope("statements@example.org", "ming.li@example.com", "mail.example.com", "192.0.2.230", date, "Pp7Qq8Rr9Ss0"),
			hdr{"From", ew("李明", "gb2312") + " <ming.li@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("CCSA TC3 联络函：工业广域网确定性网络需求", "gb2312")},
			hdr{"Date", date},
			hdr{"Message-ID", "<ccsa-tc3-ls-2026-15@example.com>"},
		), textPart(text, "plain", "gb2312", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("Requirements for deterministic networking in industrial wide-area networks"), From: []string{"CCSA TC3"},
			FromContacts: []string{"ming.li@example.com"}, To: []string{"IETF DetNet WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-07-31"), OtherIdentifiers: []string{"TC3-LS-2026-15"},
			DeliveredTo: sp("statements@example.org"), RouteTo: []string{"DETNET"}}
	})
	addCase("tta-euc-kr-korean", func() ([]byte, expect) {
		date := rfcDate(2026, 5, 18, 9, 10, 9)
		text := `IETF SPRING WG 의장님께,

한국정보통신기술협회(TTA) 네트워크 프로젝트그룹에서 승인한 연락문서를 보내드립니다.

제목 (Title): SRv6 network programming for 5G transport in Korea
발신 (From): TTA
수신 (To): IETF SPRING WG
목적 (Purpose): For action
회신 기한 (Deadline): 2026년 6월 15일
연락처 (Contact): 김지수 <jisoo.kim@example.com>

검토 후 회신 부탁드립니다.

김지수 드림
`
		msg := rawMessage(append(envelope("statements@example.org", "jisoo.kim@example.com", "mail.example.com", "192.0.2.240", date, "Tt1Uu2Vv3Ww4"),
			hdr{"From", ew("김지수", "euc-kr") + " <jisoo.kim@example.com>"},
			hdr{"To", "statements@example.org"},
			hdr{"Subject", ew("TTA 연락문서: SRv6 network programming for 5G transport", "euc-kr")},
			hdr{"Date", date},
			hdr{"Message-ID", "<tta-srv6-20260518@example.com>"},
		), textPart(text, "plain", "euc-kr", "base64"))
		return msg, expect{IsLiaison: true, Title: sp("SRv6 network programming for 5G transport in Korea"), From: []string{"TTA"},
			FromContacts: []string{"jisoo.kim@example.com"}, To: []string{"IETF SPRING WG"}, SendTo: sp("statements@example.org"),
			Purpose: sp("action"), Deadline: sp("2026-06-15"), DeliveredTo: sp("statements@example.org"), RouteTo: []string{"SPRING"}}
	})
}
