package io.wxops.gateway.callback;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The first parser any callback body meets. It refuses DOCTYPE outright (which rules out
 * external entities and entity expansion), never touches the network or the file system,
 * and turns every failure into a {@link CallbackRejectedException} instead of a stack
 * trace on stderr. Only what passes here is handed to WxJava.
 */
final class SafeXml {

	private static final DocumentBuilderFactory FACTORY = newFactory();

	/**
	 * Parsers are not thread-safe but are costly to create; one per thread, reset after
	 * each use.
	 */
	private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

	private static final ErrorHandler SILENT = new ErrorHandler() {
		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) throws SAXException {
			throw ex;
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}
	};

	private SafeXml() {
	}

	static Element parseRoot(String xml) {
		if (xml == null || xml.isBlank()) {
			throw new CallbackRejectedException(Rejection.MALFORMED_XML, "The body is empty.");
		}
		DocumentBuilder builder = BUILDER.get();
		try {
			Document doc = builder.parse(new InputSource(new StringReader(xml)));
			Element root = doc.getDocumentElement();
			if (!"xml".equals(root.getNodeName())) {
				throw new CallbackRejectedException(Rejection.MALFORMED_XML, "The root element must be <xml>.");
			}
			return root;
		}
		catch (SAXException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("entity")) {
				throw new CallbackRejectedException(Rejection.FORBIDDEN_XML);
			}
			throw new CallbackRejectedException(Rejection.MALFORMED_XML);
		}
		catch (IOException ex) {
			throw new CallbackRejectedException(Rejection.MALFORMED_XML);
		}
		finally {
			builder.reset();
			builder.setErrorHandler(SILENT);
		}
	}

	/** Text of a direct child element, or {@code null}. */
	static String childText(Element parent, String name) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
				return n.getTextContent();
			}
		}
		return null;
	}

	private static DocumentBuilderFactory newFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be hardened", ex);
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(SILENT);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
