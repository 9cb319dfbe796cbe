"""Device drivers: fax pages, T.4 coding, the Class 2/2.0 fax modem driver and its simulator."""
